/** The fields a callout template may name: `{name} {gift} {count} {value}`. */
export type Field = 'name' | 'gift' | 'count' | 'value';

/** A template cut into literal text and fields: rendered as text nodes and spans, never as markup. */
export type Part = { kind: 'text'; text: string } | { kind: 'field'; field: Field };

const FIELD = /\{(name|gift|count|value)\}/g;

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
