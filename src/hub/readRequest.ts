import type { IncomingMessage } from 'node:http';
import type { HubRequest } from './Hub.ts';

/** What the hub reads of a Node request: its path, its headers, and its body (bounded). */

export function headerOf(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The parts of a request the hub's rules judge (Hub.ts, origin.ts). */
export function requestOf(req: IncomingMessage): HubRequest {
  return {
    host: headerOf(req, 'host'),
    origin: headerOf(req, 'origin'),
    port: req.socket.localPort ?? 0,
    authorization: headerOf(req, 'authorization'),
  };
}

/** The path without its query and trailing slashes: `/hub/status/?x` is `/hub/status`. */
export function pathOf(req: IncomingMessage): string {
  return (req.url ?? '').split('?')[0]?.replace(/\/+$/, '') ?? '';
}

/** A query parameter of the request's URL ('' when absent). */
export function queryOf(req: IncomingMessage, name: string): string {
  try {
    return new URL(req.url ?? '', 'http://hub.invalid').searchParams.get(name) ?? '';
  } catch {
    return '';
  }
}

/** The body as text, or null once it grows past `maxBytes` (the rest is not read). */
export async function readBody(req: IncomingMessage, maxBytes: number): Promise<string | null> {
  const bytes = await readBytes(req, maxBytes);
  return bytes === null ? null : bytes.toString('utf8');
}

/**
 * The body's bytes, or null once they grow past `maxBytes`, or when the client goes away first:
 * reading stops there, and what is still on its way is drained, not kept.
 */
export function readBytes(req: IncomingMessage, maxBytes: number): Promise<Buffer | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        req.removeAllListeners('data');
        req.resume();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(size > maxBytes ? null : Buffer.concat(chunks)));
    // Also when the client goes away midway: Node reports the request aborted.
    req.on('error', () => resolve(null));
  });
}
