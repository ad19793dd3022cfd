import type { FeedStatus } from '../../core/event/events';
import { readTikTokStatus, type TikTokStatus } from '../../wire/tiktokLive';
import { tiktokSocketUrl } from '../../wire/tiktokSocketUrl';
import { tiktokStatusText } from '../../wire/tiktokStatusText';
import { deliver } from '../deliver';
import type { Feed, FeedSink } from '../feed';
import { armOnHeartbeat } from '../socket/armOnHeartbeat';
import { createSocketFeed, type SocketFeedDeps } from '../socket/socketFeed';
import { unavailableFeed } from '../unavailableFeed';
import { mapTikFinityJson } from './tikfinityFeed';

/**
 * TikTok LIVE by @username (`source=tiktok&tiktok=<name>`) through the local hub of `npm start`,
 * which holds the connection to TikTok (the library is Node-only) and passes on its events as
 * TikFinity does, so they are read by the same one reader. Between events the hub says how its
 * connection stands (tiktokLive.ts), and promises heartbeats that arm the silence watchdog.
 */

/** How the page shows each state of the hub's connection to TikTok (the badge, `data-feed`). */
const FEED_STATUS: Readonly<Record<TikTokStatus['state'], FeedStatus>> = {
  connecting: 'connecting',
  live: 'live',
  'rate-limited': 'retrying',
  'sign-unreachable': 'retrying',
  retrying: 'retrying',
  'not-live': 'offline',
  ended: 'offline',
  'not-found': 'offline',
  blocked: 'offline',
};

const REACHING = 'reaching TikTok through the hub';
const NO_HUB = 'TikTok by username needs npm start; use TikFinity otherwise';

export interface TikTokLiveOptions extends SocketFeedDeps {
  /** Checked and normalised by the config (tiktokUsername). */
  username: string;
  /** The hub's WebSocket: `hub=`, else the /hub of the server that served the page; else none. */
  hubUrl: string | undefined;
}

export function createTikTokLiveFeed(options: TikTokLiveOptions): Feed {
  const url = options.hubUrl && tiktokSocketUrl(options.hubUrl, options.username);
  if (!url) return unavailableFeed('tiktok', NO_HUB);
  return {
    name: 'tiktok',
    start(sink) {
      const socket = createSocketFeed('tiktok', url, options, (json, receivedAt, _, handle) => {
        if (armOnHeartbeat(json, handle)) return;
        const status = readTikTokStatus(json);
        if (status) sink.status(FEED_STATUS[status.state], tiktokStatusText(status));
        else deliver(mapTikFinityJson(json, options.scale, receivedAt), sink);
      });
      return socket.start(throughHub(sink));
    },
  };
}

/**
 * The socket's own statuses, for a socket to the hub: its being open means the hub answers, not
 * that TikTok does, so that is still connecting until the hub's status frame says live. A lost
 * socket is retrying (or offline) as for any feed.
 */
function throughHub(sink: FeedSink): FeedSink {
  return {
    event: (event) => sink.event(event),
    drop: (reason, detail) => sink.drop(reason, detail),
    note: (reason, detail) => sink.note(reason, detail),
    status: (status, detail) => {
      if (status === 'live' || status === 'connecting') sink.status('connecting', REACHING);
      else sink.status(status, detail);
    },
  };
}
