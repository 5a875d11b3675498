// Runs every test/**/*.test.mjs with Node's own test runner (Node 20's --test takes no globs).
// Extra arguments narrow the run: `node scripts/run-tests.mjs runner` runs files whose path contains "runner".
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

function find(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'fixtures' || entry.name === 'work' ? [] : find(full);
    return entry.name.endsWith('.test.mjs') ? [full] : [];
  });
}

const filters = process.argv.slice(2);
const files = find('test').filter((f) => filters.length === 0 || filters.some((x) => f.includes(x))).sort();
// Without files, `node --test` would search the whole tree itself.
const result = files.length ? spawnSync(process.execPath, ['--test', '--test-concurrency=2', ...files], { stdio: 'inherit' }) : { status: 0 };
process.exit(Math.max(result.status ?? 1, runEndToEnd()));

/**
 * End-to-end tests (test/e2e/*.e2e.mjs, narrowed by the same filters): a real VS Code (code-server) with the packaged
 * VSIX. Installs their harness on first use, packages the extension, runs them one file at a time. SKIP_E2E=1 skips.
 */
function runEndToEnd() {
  const e2e = readdirSync('test/e2e').filter((name) => name.endsWith('.e2e.mjs')).map((name) => path.join('test/e2e', name))
    .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x))).sort();
  if (e2e.length === 0 || process.env.SKIP_E2E === '1') return 0;
  const step = (command, args) => spawnSync(command, args, { stdio: 'inherit' }).status ?? 1;
  if (!existsSync('test/e2e/node_modules/.lwb-e2e-installed') && step('bash', ['test/e2e/install.sh']) !== 0) return 1;
  if (step('npm', ['run', 'package']) !== 0) return 1;
  return step(process.execPath, ['--test', '--test-concurrency=1', ...e2e]);
}
