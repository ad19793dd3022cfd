import type { Moment } from '../../../src/core/alerts/moment';
import type { QueueOptions } from '../../../src/core/alerts/AlertQueue';

/** A moment with sensible defaults: tests name only what matters to them. */
export function moment(over: Partial<Moment> & { id: string }): Moment {
  return {
    kind: 'gift',
    platform: 'tiktok',
    userKey: `tiktok:${over.id}`,
    name: `user ${over.id}`,
    gift: 'Rose',
    count: 1,
    value: 1,
    coins: 0,
    bomb: false,
    final: true,
    startedAt: 0,
    updatedAt: 0,
    callout: true,
    ...over,
  };
}

export const OPTIONS: QueueOptions = {
  slots: 1,
  maxLength: 5,
  durationMs: 1000,
  min: 1,
  minAction: 'compact',
  tiers: [100, 1000, 10000],
  backlogGapMs: 10_000,
};
