import type { CoreEvent } from '../core/event/events.ts';
import type { DropReason } from './dropReasons.ts';

/**
 * Something a mapping had to make do with while keeping the event (a name cut, a picture left
 * out): counted by reason like a drop, so a streamer can see that a feed sends odd data.
 */
export interface Note {
  reason: string;
  detail?: string;
}

/** What a mapping makes of one payload: an event (with its notes), nothing, or a counted drop. */
export type MapResult =
  | { kind: 'event'; event: CoreEvent; notes: readonly Note[] }
  | { kind: 'ignore' }
  | { kind: 'drop'; reason: DropReason; detail?: string };

export const ignore: MapResult = { kind: 'ignore' };

export function drop(reason: DropReason, detail?: string): MapResult {
  return detail === undefined ? { kind: 'drop', reason } : { kind: 'drop', reason, detail };
}

const NO_NOTES: readonly Note[] = [];

export function emit(event: CoreEvent, notes: readonly Note[] = NO_NOTES): MapResult {
  return { kind: 'event', event, notes };
}
