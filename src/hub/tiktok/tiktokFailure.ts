import { failure, type Failure } from './tiktokPort.ts';

/**
 * What tiktok-live-connector 2.5 throws, sorted by what the hub does next (read from its dist and
 * tried against test/servers/fakeTikTok.ts). The library's error classes are passed in: only
 * tiktokLibrary.ts imports the library.
 */

type ErrorClass = abstract new (...args: never[]) => Error;

export interface LibraryErrors {
  SignatureRateLimitError: ErrorClass;
  PremiumFeatureError: ErrorClass;
  SignAPIError: ErrorClass;
  SchemaDecodeError: ErrorClass;
  UserOfflineError: ErrorClass;
  ConnectTimeoutError: ErrorClass;
  InvalidResponseCompositeError: ErrorClass;
}

/** TikTok's own code for an unknown account (its API's `user_not_found`). */
const NOT_FOUND = /user_not_found|19881007/i;

export function classifyError(
  error: unknown,
  errors: LibraryErrors,
  secret: string | null,
): Failure {
  const text = shortText(error, secret);
  if (error instanceof errors.SignatureRateLimitError) {
    const retryAfter = (error as { retryAfter?: unknown }).retryAfter;
    const label = /\((rate_limit_[a-z_]+)\)/.exec(text)?.[1];
    const why = `the sign server limits connections for now${label ? ` (${label})` : ''}`;
    return typeof retryAfter === 'number' && retryAfter > 0
      ? failure('rate-limited', why, retryAfter)
      : failure('rate-limited', why);
  }
  if (error instanceof errors.PremiumFeatureError) {
    return failure('needs-key', 'the sign server wants a key for this');
  }
  if (error instanceof errors.SchemaDecodeError) {
    return failure('sign-unreachable', "the sign server's answer could not be read");
  }
  if (error instanceof errors.SignAPIError) return signFailure(error, text);
  if (error instanceof errors.UserOfflineError) return failure('offline', 'the room is not LIVE');
  if (error instanceof errors.ConnectTimeoutError) {
    return failure('other', "TikTok's socket did not open in time");
  }
  const refused = /^Error connecting to WebSocket with message: (.+)$/.exec(text)?.[1];
  if (refused !== undefined && refused !== 'N/A') {
    return failure('blocked', `TikTok refused the connection (${refused})`);
  }
  if (error instanceof errors.InvalidResponseCompositeError) return lookupFailure(error, secret);
  if (/captcha/i.test(text)) return failure('blocked', 'TikTok asks for a captcha');
  if (/age.?restrict/i.test(text)) return failure('blocked', 'an age-restricted (18+) LIVE');
  return failure('other', text);
}

/** A SignAPIError by its reason: the sign server failed, refused the key, or TikTok refused us. */
function signFailure(error: Error, text: string): Failure {
  const handshake = /Handshake Message: (\S+)/.exec(text)?.[1];
  if (handshake) return failure('blocked', `TikTok refused the connection (${handshake})`);
  const status = Number(/sign server status (\d{3})/.exec(text)?.[1] ?? 0);
  if (status === 401 || status === 403) {
    return failure('needs-key', `the sign server does not accept the key (HTTP ${status})`);
  }
  if (status > 0) return failure('sign-unreachable', `the sign server failed (HTTP ${status})`);
  const reason = (error as { reason?: unknown }).reason;
  return reason === 'Connect Error'
    ? failure('sign-unreachable', 'no answer from the sign server')
    : failure('sign-unreachable', `the sign server failed (${String(reason)})`);
}

/** Every source of a look-up failed: the reasons are in `config.requestErrs`. */
function lookupFailure(error: Error, secret: string | null): Failure {
  const causes = (error as { config?: { requestErrs?: unknown } }).config?.requestErrs;
  const text = (Array.isArray(causes) ? causes : [])
    .map((cause) => shortText(cause, secret))
    .join(' / ');
  if (NOT_FOUND.test(text)) return failure('not-found', 'TikTok knows no account of that name');
  if (/captcha/i.test(text)) return failure('blocked', 'TikTok asks for a captcha');
  return failure('other', 'could not tell whether the account is LIVE (every look-up failed)');
}

/** The first line of an error's message, short, without the sign key. */
export function shortText(error: unknown, secret: string | null): string {
  const message = error instanceof Error ? error.message : String(error);
  const line = message.trim().split('\n')[0] ?? '';
  const safe = secret ? line.split(secret).join('***') : line;
  return safe.length > 120 ? `${safe.slice(0, 117)}...` : safe;
}
