/**
 * Fills the callout template (`template` URL parameter): {name} {gift} {count} {value}. The result is
 * text for a text node, never markup. Unknown placeholders stay as typed, so a typo is visible.
 */
export interface TemplateValues {
  name: string;
  gift: string;
  count: number;
  value: number;
}

const PLACEHOLDER = /\{(name|gift|count|value)\}/g;

export function fillTemplate(template: string, values: TemplateValues): string {
  return template.replace(PLACEHOLDER, (_, field: keyof TemplateValues) =>
    formatValue(values[field]),
  );
}

function formatValue(value: string | number): string {
  if (typeof value === 'string') return value;
  // Points may carry up to 3 decimals (coin=0.5); show at most that, without float noise.
  return String(Math.round(value * 1000) / 1000);
}
