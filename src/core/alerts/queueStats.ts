/** What the alert queue counted: the debug hook shows it, tests and the bench read it. */
export interface QueueStats {
  pushed: number;
  started: number;
  updated: number;
  summarised: number;
  skipped: number;
  late: number;
}

export function noStats(): QueueStats {
  return { pushed: 0, started: 0, updated: 0, summarised: 0, skipped: 0, late: 0 };
}
