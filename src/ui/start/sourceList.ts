/**
 * The source list as the start page's first section changes it ("Where do your gifts come from?").
 * The platforms lead, in this order; the demo stands in only while nothing real is chosen, so
 * typing a name and clearing it again gives back the list it started from.
 */
const PLATFORMS = ['tiktok', 'tikfinity', 'twitch'];
/** Sources that bring no gifts of their own: the hub (the Test buttons) and the demo. */
const STAND_INS = ['hub', 'demo'];

/** `current` with `on` added and `off` taken out, as a source= value. */
export function withSources(
  current: readonly string[],
  on: readonly string[],
  off: readonly string[],
): string {
  const chosen = new Set([...current, ...on].filter((source) => !off.includes(source)));
  const real = [...chosen].some((source) => !STAND_INS.includes(source));
  if (real) chosen.delete('demo');
  else chosen.add('demo');
  const platforms = PLATFORMS.filter((source) => chosen.has(source));
  const rest = [...chosen].filter((source) => !PLATFORMS.includes(source));
  return [...platforms, ...rest].join(',');
}
