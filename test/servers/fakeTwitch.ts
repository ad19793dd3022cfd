import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';

/**
 * A fake Twitch IRC WebSocket server that real tmi.js accepts (handshake: feeds.md §2.1):
 * subprotocol `irc`; CAP/PASS/NICK answered with 001 and 376 (tmi.js resolves connect() on 376);
 * JOIN echoed with ROOMSTATE (join() rejects without it); PING answered with PONG.
 * `send(line)` replays a captured line with its channel rewritten to the one joined.
 */
export interface FakeTwitch {
  /** ws://127.0.0.1:<port> (what `irc=` takes) */
  url: string;
  port: number;
  /** Lines the clients sent (CAP, PASS, NICK, JOIN...), for tests of what tmi.js says. */
  received: string[];
  /** Resolves with the channel once a client has joined one. */
  joined(): Promise<string>;
  /** Sends raw IRC lines to every joined client, channel rewritten. */
  send(...lines: string[]): void;
  /** Clients connected right now. */
  clients(): number;
  /** Connections accepted since start, across restarts. */
  accepted(): number;
  restart(options?: { downMs?: number }): Promise<void>;
  close(): Promise<void>;
}

export async function startFakeTwitch(options: { port?: number } = {}): Promise<FakeTwitch> {
  const received: string[] = [];
  const channels = new Map<WebSocket, string>();
  const nicks = new Map<WebSocket, string>();
  let accepted = 0;
  let waiters: Array<(channel: string) => void> = [];
  let server = await listen(options.port ?? 0);
  const port = (server.address() as AddressInfo).port;

  function listen(onPort: number): Promise<WebSocketServer> {
    return new Promise((resolve, reject) => {
      const wss = new WebSocketServer({
        port: onPort,
        host: '127.0.0.1',
        handleProtocols: (protocols) => (protocols.has('irc') ? 'irc' : false),
      });
      wss.once('listening', () => resolve(wss));
      wss.once('error', reject);
      wss.on('connection', (socket) => {
        accepted += 1;
        socket.on('error', () => undefined);
        socket.on('close', () => {
          channels.delete(socket);
          nicks.delete(socket);
        });
        socket.on('message', (data) => {
          for (const line of String(data).split('\r\n').filter(Boolean)) answer(socket, line);
        });
      });
    });
  }

  function answer(socket: WebSocket, line: string): void {
    received.push(line);
    const [command, arg = ''] = line.split(' ');
    if (command === 'CAP') socket.send(`:tmi.twitch.tv CAP * ACK :${line.split(':')[1] ?? ''}`);
    if (command === 'NICK') {
      nicks.set(socket, arg);
      socket.send(`:tmi.twitch.tv 001 ${arg} :Welcome, GLHF!\r\n:tmi.twitch.tv 376 ${arg} :>`);
    }
    if (command === 'PING') socket.send('PONG :tmi.twitch.tv');
    if (command === 'JOIN') {
      // tmi.js knows it joined only when the echo carries its own nick.
      const nick = nicks.get(socket) ?? 'justinfan12345';
      socket.send(
        `:${nick}!${nick}@${nick}.tmi.twitch.tv JOIN ${arg}\r\n` +
          `@emote-only=0;followers-only=-1;r9k=0;room-id=12345;slow=0;subs-only=0 :tmi.twitch.tv ROOMSTATE ${arg}`,
      );
      channels.set(socket, arg);
      const ready = waiters;
      waiters = [];
      for (const wake of ready) wake(arg);
    }
  }

  function shutdown(wss: WebSocketServer): Promise<void> {
    for (const client of wss.clients) client.terminate();
    channels.clear();
    return new Promise((resolve) => wss.close(() => resolve()));
  }

  return {
    url: `ws://127.0.0.1:${port}`,
    port,
    received,
    joined() {
      const first = channels.values().next();
      if (!first.done) return Promise.resolve(first.value);
      return new Promise((wake) => waiters.push(wake));
    },
    send(...lines) {
      for (const [socket, channel] of channels) {
        if (socket.readyState !== WebSocket.OPEN) continue;
        const rewritten = lines.map((l) =>
          l.replace(/ (PRIVMSG|USERNOTICE) #\w+/, ` $1 ${channel}`),
        );
        socket.send(rewritten.join('\r\n'));
      }
    },
    clients: () => [...server.clients].filter((c) => c.readyState === WebSocket.OPEN).length,
    accepted: () => accepted,
    async restart({ downMs = 0 } = {}) {
      await shutdown(server);
      if (downMs > 0) await new Promise((wake) => setTimeout(wake, downMs));
      server = await listen(port);
    },
    close: () => shutdown(server),
  };
}
