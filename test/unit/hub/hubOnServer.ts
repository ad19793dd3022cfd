import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DataFolder } from '../../../src/hub/dataFolder';
import { attachHub, type HubServer } from '../../../src/hub/hubServer';
import { tempDataFolder } from './tempDataFolder';
import { tempSignKey } from './tiktokDoubles';

export const TOKEN = 'm'.repeat(43);
export const auth = { Authorization: `Bearer ${TOKEN}` };

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  text: string;
}

/**
 * The hub with a data folder of its own on a real HTTP server (an ephemeral port), and a raw
 * client: the path is sent as written (no `..` folded away, as fetch would), any Host may be set.
 */
export async function hubOnServer(
  open: Array<{ close(): void }>,
  data: DataFolder = tempDataFolder(),
) {
  /** Requests the server has handed to the hub so far (an upload still streaming in among them). */
  const seen = { requests: 0 };
  const server: Server = createServer((req, res) => {
    seen.requests += 1;
    hub.middleware(req, res, () => res.writeHead(404).end());
  });
  const settings = {
    signUrl: 'http://127.0.0.1:9',
    signKey: tempSignKey(),
    lookup: 'tiktok' as const,
  };
  const logged: string[] = [];
  const hub: HubServer = attachHub(server, {
    token: TOKEN,
    settings,
    data,
    log: (text) => logged.push(text),
    // Time stands still: a rate limit is reached by a count, never by a race.
    clock: () => 0,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  open.push({ close: () => server.close() }, hub);
  const port = (server.address() as AddressInfo).port;
  const send = (
    method: string,
    path: string,
    options: { headers?: Record<string, string | number>; body?: Uint8Array | string } = {},
  ) =>
    new Promise<Answer>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, method, path, headers: options.headers });
      let answered = false;
      req.on('response', (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body,
            text: body.toString(),
          });
        });
      });
      // A refused upload is answered before its body is all sent: the rest may find the door shut.
      req.on('error', (error) => (answered ? undefined : reject(error)));
      req.end(options.body);
    });
  return { hub, data, port, send, logged, seen };
}
