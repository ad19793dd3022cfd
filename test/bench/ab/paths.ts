import { join } from 'node:path';

/** Where `npm run bench:ab` keeps the baseline's sources and build (under bench-results/). */
export const AB_DIR = join(import.meta.dirname, '..', '..', '..', 'bench-results', 'ab');
export const AB_DIST = join(AB_DIR, 'dist');
export const AB_COMMIT_FILE = join(AB_DIR, 'commit.txt');
