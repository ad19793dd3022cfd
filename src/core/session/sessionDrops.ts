/**
 * Why the session drops a delivery a feed kept: counted by reason (`GiftSession.drops`), logged and
 * published by the page. Part of the one list of drop reasons in src/wire/dropReasons.ts.
 */
export const SESSION_DROP_REASONS = {
  invalid: 'an event whose value is not a number from 0 to the most one event can be worth',
  duplicate: 'an event whose id was seen already (sent again after a reconnect)',
  stale: 'a streak or gift-bomb step that changes nothing (a late part, a repeated end)',
  'listener-error': 'a listener of the board threw (a bug): counted, the others still run',
} as const satisfies Record<string, string>;

export type SessionDropReason = keyof typeof SESSION_DROP_REASONS;
