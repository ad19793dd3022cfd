import { setTimeout as sleep } from 'node:timers/promises';
import { startFakeTikTok } from '../servers/fakeTikTok';
import { answerParent, clockMs, collector } from './benchChild';
import { traffic } from './tiktokTraffic';

/**
 * The fake of TikTok for the TikTok bench, in a process of its own (forked by
 * test/bench/tiktok.ts): its encoding, gzip and the library's acks it decodes are TikTok's work,
 * not Giftglow's, so they stay out of the hub's CPU time. `run` sends the bench's push frames on a
 * fixed schedule and stamps each gift with the moment `fake.send` returned (the frame handed to
 * the socket); `stamps` hands the stamps over once the parent's clocks have stopped.
 */

const gc = collector();
// Listening before the fake is up: a question asked meanwhile waits for it, and is not lost.
const started = startFakeTikTok();
/** Per gift: msgId, when its frame was sent (clockMs), and how many gifts that frame held. */
let stamps: Array<[string, number, number]> = [];

answerParent(async (ask) => {
  const fake = await started;
  switch (ask.type) {
    case 'hello':
      return { signUrl: fake.signUrl, username: fake.username, roomId: fake.roomId };
    case 'run': {
      // Every connection asked for (the hub's, and the capture's own) has entered the room.
      await fake.entered(Number(ask.entered ?? 1));
      const frames = traffic(Number(ask.frames), Number(ask.seed));
      const intervalMs = Number(ask.intervalMs);
      stamps = [];
      gc();
      const start = clockMs();
      let lateMs = 0;
      for (const [i, drafts] of frames.entries()) {
        const due = start + i * intervalMs;
        if (due > clockMs()) await sleep(due - clockMs());
        lateMs = Math.max(lateMs, clockMs() - due);
        const ids = fake.send(...drafts);
        const sentAt = clockMs();
        for (const id of ids) stamps.push([id, sentAt, ids.length]);
      }
      return { gifts: stamps.length, lateMs };
    }
    case 'stamps':
      return stamps;
    case 'close':
      await fake.close();
      return null;
  }
  throw new Error(`unknown question ${ask.type}`);
});
