import { WebSocket } from 'ws';

/**
 * A WebSocket client of the hub in a test: what it hears, and whether its upgrade was taken
 * (`ready` rejects with the HTTP status of a refusal). `open` collects it, to be terminated after.
 */
export function wsClient(
  url: string,
  headers: Record<string, string>,
  open: Array<{ close(): void }>,
) {
  const got: string[] = [];
  const ws = new WebSocket(url, { headers });
  ws.on('message', (data) => got.push(data.toString()));
  // A refused upgrade is expected in some tests; the promise below reports it.
  ws.on('error', () => undefined);
  open.push({ close: () => ws.terminate() });
  const ready = new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('unexpected-response', (_req, res) => reject(new Error(String(res.statusCode))));
  });
  return { ws, got, ready };
}
