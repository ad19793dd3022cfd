import { test } from '@playwright/test';

/**
 * A session name of this test's own (`session=`'s rule: 1 to 40 of A-Z a-z 0-9 _ -). The server
 * keeps every session (issue 24), so a new browser context no longer means an empty board: a test
 * that expects one opens its own session.
 */
export function freshSession(): string {
  return `e2e-${test
    .info()
    .testId.replace(/[^A-Za-z0-9]/g, '')
    .slice(-32)}`;
}
