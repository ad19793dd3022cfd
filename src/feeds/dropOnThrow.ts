import type { FeedSink } from './feed';

/**
 * Handles one frame: a handler that throws costs that frame (a counted drop), never the connection.
 */
export function dropOnThrow(sink: Pick<FeedSink, 'drop'>, handle: () => void): void {
  try {
    handle();
  } catch (error) {
    sink.drop('handler-error', String(error));
  }
}
