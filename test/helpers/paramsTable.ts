import { PARAMS, type ParamRow } from '../../src/core/config/config';

/**
 * The README's parameter table, generated from the one config schema. Print it with
 * `npx tsx test/helpers/paramsTable.ts`; test/unit/readme.test.ts fails when the README drifts.
 */
const cell = (text: string) => text.replace(/\|/g, '\\|');

export function paramRow(row: ParamRow): string {
  const fallback = row.default === '' ? '(not set)' : `\`${cell(row.default)}\``;
  const page = row.page === 'both' ? 'both' : row.page;
  return `| \`${row.name}\` | ${fallback} | ${cell(row.allowed)} | ${page} | ${cell(row.meaning)} |`;
}

export function paramsTable(): string {
  return [
    '| parameter | default | allowed | page | meaning |',
    '| --- | --- | --- | --- | --- |',
    ...PARAMS.map(paramRow),
  ].join('\n');
}

if (process.argv[1]?.endsWith('paramsTable.ts')) process.stdout.write(paramsTable() + '\n');
