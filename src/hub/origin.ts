/**
 * Who may talk to the hub: only pages served by the hub's own server, and local tools. The hub
 * listens on 127.0.0.1, but any web page the streamer visits can still reach 127.0.0.1 from the
 * browser (obs-websocket learned it the hard way: cross-site WebSocket hijacking), so:
 * - `Host` must name the loopback on the hub's port: a DNS-rebinding page (evil.test resolving to
 *   127.0.0.1) arrives with its own name here, and with a matching Origin, so Origin alone is not enough;
 * - `Origin`, when a browser sends one, must be the hub's own origin. Tools (curl, Streamer.bot)
 *   send none; they still need the token to send anything.
 */

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];

export interface RequestOrigin {
  /** The Host header. */
  host: string | undefined;
  /** The Origin header (absent for tools and for a browser's same-origin GET). */
  origin: string | undefined;
  /** The port the request arrived on. */
  port: number;
}

/** Null when the request may go on; else the counted reason it is refused. */
export function originRefusal(request: RequestOrigin): 'foreign-host' | 'foreign-origin' | null {
  const own = LOOPBACK_NAMES.map((name) => `${name}:${request.port}`);
  if (request.host === undefined || !own.includes(request.host.toLowerCase())) {
    return 'foreign-host';
  }
  if (request.origin === undefined) return null;
  return own.some((host) => request.origin?.toLowerCase() === `http://${host}`)
    ? null
    : 'foreign-origin';
}

/**
 * The start page asks the hub for its token with a plain same-origin fetch, which carries no Origin
 * header; Chromium (OBS's too, since 76) says where it came from in `Sec-Fetch-Site`. Only
 * `same-origin` gets the token; a page elsewhere could not read the answer anyway (no CORS header).
 */
export function tokenRequestAllowed(secFetchSite: string | undefined): boolean {
  return secFetchSite === 'same-origin';
}
