/** A file system error's code (`EACCES`, `ENOENT`) for an answer or a log line, never a stack. */
export function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'an error';
}
