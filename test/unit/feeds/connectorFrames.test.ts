import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mapTikFinityJson } from '../../../src/feeds/tiktok/tikfinityFeed';
import { connectorScenes } from '../../fixtures/feeds/tiktok/scenes';
import type { TikFinityFrame } from '../../fixtures/feeds/tiktok/connector';
import { board, session } from '../core/helpers';
import { SCALE } from './scale';

/**
 * TikFinity frames made by tiktok-live-connector v1.2.3's own code, through the TikFinity mapping
 * and a session: what a streamer's board shows for them.
 */

const committed = JSON.parse(
  readFileSync(new URL('../../fixtures/feeds/tiktok/frames.json', import.meta.url), 'utf8'),
) as Record<string, TikFinityFrame[]>;

/** Every frame as text through JSON.parse and the mapping, one second apart, into one session. */
function play(frames: TikFinityFrame[]) {
  const target = session();
  const drops: string[] = [];
  let t = 1_000;
  for (const frame of frames) {
    const result = mapTikFinityJson(JSON.parse(JSON.stringify(frame)), SCALE, t);
    if (result.kind === 'event') target.ingest(result.event, (t += 1_000));
    if (result.kind === 'drop') drops.push(result.reason);
  }
  return { target, drops, end: t };
}

describe('frames made by the real connector', () => {
  it('are the committed frames.json (run regenerate.ts after changing a scene)', () => {
    expect(committed).toEqual(connectorScenes());
  });

  it('count a Rose streak of 3 with its end once', () => {
    const { target, drops } = play(committed.roseStreak ?? []);
    expect(drops).toEqual([]);
    expect(board(target)).toEqual([['Zerody Tester', 3]]);
  });

  it('count a Lion at once', () => {
    const { target } = play(committed.lion ?? []);
    expect(board(target)).toEqual([['Zerody Tester', 29_999]]);
  });

  it('count the same msgId delivered twice once', () => {
    const { target } = play(committed.sameMsgIdTwice ?? []);
    expect(board(target)).toEqual([['Zerody Tester', 29_999]]);
  });

  it('finish a streak whose end never came after the silence timeout, at its last count', () => {
    const steps = (committed.roseStreak ?? []).slice(0, 3);
    const { target, end } = play(steps);
    expect(board(target)).toEqual([]);
    target.tick(end + 60_000);
    expect(board(target)).toEqual([['Zerody Tester', 3]]);
  });

  it('keep likes, follows, shares and members off the board, dropping none', () => {
    for (const scene of ['like', 'follow', 'share', 'member']) {
      const { target, drops } = play(committed[scene] ?? []);
      expect(drops, scene).toEqual([]);
      expect(board(target), scene).toEqual([]);
    }
  });
});
