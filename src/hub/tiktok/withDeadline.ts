import { inWords } from '../../wire/tiktokStatusText.ts';
import type { LinkTimers } from './linkTimers.ts';
import { shortText } from './tiktokFailure.ts';
import { failure, type Failure } from './tiktokPort.ts';

/**
 * One call to the TikTok port, with a deadline: a throw or a miss becomes a failure, never an
 * exception or a wait without end. A success after the deadline goes to `late` (a connection that
 * opened too late is closed there); a throw is also reported to `threw` (counted: the port's
 * contract is to answer in values).
 */
export function withDeadline<T extends { ok: boolean }>(
  timers: LinkTimers,
  ms: number,
  call: () => Promise<T>,
  handlers: { late?: (value: T) => void; threw: (detail: string) => void },
): Promise<T | Failure> {
  return new Promise((resolve) => {
    let done = false;
    const cancel = timers.after(ms, () => {
      done = true;
      resolve(failure('other', `no answer from TikTok or the sign server in ${inWords(ms)}`));
    });
    const settle = (value: T | Failure) => {
      if (done) return void (value.ok && handlers.late?.(value as T));
      done = true;
      cancel();
      resolve(value);
    };
    new Promise<T>((run) => run(call())).then(settle, (error: unknown) => {
      handlers.threw(`the TikTok port threw: ${shortText(error, null)}`);
      settle(failure('other', 'an unexpected error (counted)'));
    });
  });
}
