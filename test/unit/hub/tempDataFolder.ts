import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dataFolderOf, type DataFolder } from '../../../src/hub/dataFolder';

/** A data folder of its own (media, rules, sessions) in a fresh temporary folder. */
export function tempDataFolder(): DataFolder {
  return dataFolderOf(mkdtempSync(join(tmpdir(), 'giftglow-data-')), {});
}
