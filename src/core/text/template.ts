/**
 * The callout template (`template=`): the fields it may name, and the template cut into literal
 * text and fields, rendered as text nodes and spans, never as markup. Unknown placeholders stay as
 * typed, so a typo is visible.
 */
export const TEMPLATE_FIELDS = ['name', 'gift', 'count', 'value'] as const;
export type Field = (typeof TEMPLATE_FIELDS)[number];

export type Part = { kind: 'text'; text: string } | { kind: 'field'; field: Field };

const FIELD = new RegExp(`\\{(${TEMPLATE_FIELDS.join('|')})\\}`, 'g');

/** `{name} {gift} {count} {value}`: how the start page and the README name the fields. */
export const TEMPLATE_FIELDS_TEXT = TEMPLATE_FIELDS.map((field) => `{${field}}`).join(' ');

export function templateParts(template: string): Part[] {
  const parts: Part[] = [];
  let at = 0;
  for (const match of template.matchAll(FIELD)) {
    const index = match.index ?? 0;
    if (index > at) parts.push({ kind: 'text', text: template.slice(at, index) });
    parts.push({ kind: 'field', field: match[1] as Field });
    at = index + match[0].length;
  }
  if (at < template.length) parts.push({ kind: 'text', text: template.slice(at) });
  return parts;
}

/** The fields a template leaves out: the callout shows them on its detail line instead. */
export function missingFields(parts: readonly Part[]): Set<Field> {
  const missing = new Set<Field>(['name', 'gift', 'count']);
  for (const part of parts) if (part.kind === 'field') missing.delete(part.field);
  return missing;
}
