import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { git } from '../machine';
import { AB_DIR, AB_DIST, AB_COMMIT_FILE } from './paths';

/**
 * `npm run bench:ab` step 1: builds the baseline commit (`GIFTGLOW_BENCH_BASELINE`, default `main`)
 * into bench-results/ab/dist from its own sources (`git archive`, this checkout's node_modules), so
 * the A/B spec serves it beside this build and measures both in the same run.
 */
const ref = process.env.GIFTGLOW_BENCH_BASELINE ?? 'main';
const commit = git(`rev-parse --short ${ref}`);
if (commit === 'unknown') throw new Error(`no commit ${ref} to measure against`);
const src = join(AB_DIR, 'src');
rmSync(AB_DIR, { recursive: true, force: true });
mkdirSync(src, { recursive: true });
const archive = execFileSync('git', ['archive', commit], { maxBuffer: 1 << 30 });
execFileSync('tar', ['-x', '-C', src], { input: archive });
symlinkSync(realpathSync(resolve('node_modules')), join(src, 'node_modules'));
execFileSync('npx', ['vite', 'build', '--outDir', AB_DIST, '--emptyOutDir', '--logLevel', 'warn'], {
  cwd: src,
  stdio: 'inherit',
});
if (!existsSync(join(AB_DIST, 'overlays', 'alerts.html'))) throw new Error('baseline build failed');
writeFileSync(AB_COMMIT_FILE, `${commit}\n`);
console.log(`baseline ${ref} = ${commit} built into ${AB_DIST}`);
