/**
 * Is something answering on a WebSocket URL? The start page asks for `source=tikfinity` so the
 * streamer knows before going live. A browser tells little: the socket opens (connected), fails
 * (nothing listening, or a server that turned the handshake down), or cannot even be made (a URL
 * the browser refuses, e.g. a blocked port).
 */

export type Probe = 'connected' | 'nothing' | 'refused';

export const PROBE_ADVICE: Record<Probe, string> = {
  connected: 'Connected: TikFinity answers. Gifts will arrive when you are live on TikTok.',
  nothing:
    'Nothing listening: start the TikFinity desktop app (it must stay open while you stream) and check the port in its settings.',
  refused:
    'Refused: this browser will not connect to that address. Use the default ws://localhost:21213/ unless TikFinity says otherwise.',
};

export function probeSocket(
  url: string,
  timeoutMs = 4000,
): { result: Promise<Probe>; stop(): void } {
  let socket: WebSocket | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let settle: (probe: Probe) => void = () => undefined;
  const result = new Promise<Probe>((resolve) => {
    settle = (probe) => {
      clearTimeout(timer);
      if (socket) socket.onopen = socket.onerror = socket.onclose = null;
      socket?.close();
      socket = null;
      resolve(probe);
    };
    try {
      socket = new WebSocket(url);
    } catch {
      settle('refused');
      return;
    }
    socket.onopen = () => settle('connected');
    socket.onerror = () => settle('nothing');
    socket.onclose = () => settle('nothing');
    timer = setTimeout(() => settle('nothing'), timeoutMs);
  });
  return { result, stop: () => settle('nothing') };
}
