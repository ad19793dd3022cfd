/**
 * `window.__giftglow`: what a page publishes read-only for e2e tests, the bench and the curious
 * streamer (devtools). Each part goes under its own name; the returned stop takes it away again.
 */
export function publishDebug(name: string, part: object): () => void {
  const bag = ((globalThis as { __giftglow?: Record<string, unknown> }).__giftglow ??= {});
  bag[name] = part;
  return () => {
    if (bag[name] === part) delete bag[name];
  };
}
