import type { Feed } from './feed';

/** A feed that cannot run here, and says why. */
export function unavailableFeed(name: string, why: string): Feed {
  return {
    name,
    start(sink) {
      sink.status('offline', why);
      return () => undefined;
    },
  };
}
