import type { FeedSink } from './feed';
import type { MapResult } from '../wire/mapResult';

/** Hands a mapping's result to the sink: an event and its notes, a counted drop, or nothing. */
export function deliver(result: MapResult, sink: FeedSink): void {
  if (result.kind === 'event') {
    sink.event(result.event);
    for (const note of result.notes) sink.note(note.reason, note.detail);
  } else if (result.kind === 'drop') sink.drop(result.reason, result.detail);
}
