import type { CoreEvent, FeedStatus } from '../core/event/events';
import type { DropReason } from '../wire/dropReasons';

/** Where a feed delivers what it reads. The composition root (src/app) owns the sink. */
export interface FeedSink {
  /** A parsed, valid core event. Dedupe, streaks and bombs are the core's job, not the feed's. */
  event(event: CoreEvent): void;
  /** The feed's connection state changed; `detail` says why (shown to the streamer). */
  status(status: FeedStatus, detail?: string): void;
  /** A frame or payload was dropped; `reason` is a stable code (counted), `detail` is free text. */
  drop(reason: DropReason, detail?: string): void;
  /** An event was kept but something in it was not usable (a name cut, a picture left out). */
  note(reason: string, detail?: string): void;
}

/** A running feed. Every start returns its stop: `stop()` closes sockets and clears every timer. */
export type StopFeed = () => void;

export interface Feed {
  /** Short name for logs and the status badge: "demo", "tikfinity", "twitch", "ws". */
  readonly name: string;
  start(sink: FeedSink): StopFeed;
}
