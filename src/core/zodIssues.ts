import type { z } from 'zod/mini';

/**
 * A short, single-line description of why zod refused a payload (for `sink.drop` details).
 * zod/mini ships no message texts (they would cost every page a locale), so the common issues are
 * worded here from their structured fields; messages given in a schema are used as they are.
 */
export function describeIssues(error: z.core.$ZodError): string {
  const first = error.issues[0];
  if (!first) return 'invalid';
  const path = first.path.length > 0 ? first.path.join('.') : '(root)';
  return `${path}: ${explain(first)}`.slice(0, 200);
}

function explain(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}`;
    case 'too_big':
      return `${issue.origin} above ${String(issue.maximum)}`;
    case 'too_small':
      return `${issue.origin} below ${String(issue.minimum)}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`.slice(
        0,
        120,
      );
    case 'invalid_union': {
      // The branch that got past the type check says most ("number above ..."); else list the types.
      const firsts = issue.errors.map((branch) => branch[0]).filter((i) => i !== undefined);
      const near = firsts.find((i) => i.code !== 'invalid_type');
      if (near) return explain(near);
      const types = firsts.map((i) => (i.code === 'invalid_type' ? i.expected : ''));
      return types.length > 0 ? `expected ${types.join(' or ')}` : 'matches no accepted shape';
    }
    case 'invalid_format':
      return issue.message !== 'Invalid input' ? issue.message : `not ${issue.format}`;
    default:
      return issue.message;
  }
}
