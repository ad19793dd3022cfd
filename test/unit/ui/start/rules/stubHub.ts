import { vi } from 'vitest';
import { HubClient } from '../../../../../src/ui/start/hubClient';

/** A stand-in hub behind a real HubClient: each `METHOD /path` answered as told, every call kept. */

export type Call = { method: string; path: string; search: string; init: RequestInit | undefined };
export type Routes = Record<string, () => Response>;

export const TOKEN = 'r'.repeat(43);

export const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

export function stubHub(routes: Routes): { client: HubClient; calls: Call[] } {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const { pathname, search } = new URL(url);
      const method = init?.method ?? 'GET';
      calls.push({ method, path: pathname, search, init });
      if (pathname === '/hub/token') return json(200, { token: TOKEN });
      const answer = routes[`${method} ${pathname}`];
      if (!answer) throw new TypeError('fetch failed');
      return answer();
    }),
  );
  return { client: new HubClient('http://localhost:4173/'), calls };
}
