import { describe, expect, it } from 'vitest';
import { missingFields, templateParts } from '../../../src/core/text/template';

describe('templateParts', () => {
  it('cuts a template into text and fields', () => {
    expect(templateParts('Thank you {name} for {count}x {gift}!')).toEqual([
      { kind: 'text', text: 'Thank you ' },
      { kind: 'field', field: 'name' },
      { kind: 'text', text: ' for ' },
      { kind: 'field', field: 'count' },
      { kind: 'text', text: 'x ' },
      { kind: 'field', field: 'gift' },
      { kind: 'text', text: '!' },
    ]);
  });

  it('keeps markup in a template as plain text, never as a tag', () => {
    const parts = templateParts('<img src=x onerror=alert(1)> {name}');
    expect(parts[0]).toEqual({ kind: 'text', text: '<img src=x onerror=alert(1)> ' });
  });

  it('leaves unknown and unbalanced braces as text', () => {
    expect(templateParts('{nope} {name')).toEqual([{ kind: 'text', text: '{nope} {name' }]);
  });

  it('reads {value} and repeated fields', () => {
    const fields = templateParts('{name} {name} {value}').filter((p) => p.kind === 'field');
    expect(fields).toHaveLength(3);
  });

  it('lists the fields a template leaves for the detail line', () => {
    expect([...missingFields(templateParts('Thank you, {name}!'))].sort()).toEqual([
      'count',
      'gift',
    ]);
    expect(missingFields(templateParts('{name} {gift} {count}')).size).toBe(0);
  });
});
