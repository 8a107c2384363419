// `npm test`: runs every jest test (unit, API, browser) and ends with one totals line,
// `N passed, N failed`, which CI reads. Extra arguments go to jest (e.g. a path filter).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Type-check and build the packages first (the web app too: Vite's build does not type-check): a
// type error fails the run, and the jest global setup starts PostgreSQL from the built db package.
const tsc = (...args) =>
  spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', ...args], { stdio: 'inherit' }).status;
// The web app is built too: the browser tests load it from the server, as users do.
const webBuild = () =>
  spawnSync('npm', ['run', 'build', '--silent', '-w', '@cairn/frontend'], { stdio: 'inherit' }).status;
if (tsc('-b') !== 0 || tsc('-p', 'tests') !== 0 || tsc('-p', 'frontend') !== 0 || webBuild() !== 0) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const out = join(mkdtempSync(join(tmpdir(), 'cairn-jest-')), 'results.json');
const args = ['node_modules/jest/bin/jest.js', '--json', `--outputFile=${out}`, ...process.argv.slice(2)];
const run = spawnSync(process.execPath, args, {
  stdio: 'inherit',
  env: {
    ...process.env,
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules --no-warnings`.trim(),
  },
});
let passed = 0;
let failed = 0;
if (existsSync(out)) {
  const results = JSON.parse(readFileSync(out, 'utf8'));
  passed = results.numPassedTests;
  // A suite that fails to load has no failed tests of its own; count it so it can't hide.
  failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
} else {
  failed = 1;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(run.status === 0 && failed === 0 ? 0 : 1);
