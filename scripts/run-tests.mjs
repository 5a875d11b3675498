// Runs every test/**/*.test.mjs with Node's own test runner (Node 20's --test takes no globs).
// Extra arguments narrow the run: `node scripts/run-tests.mjs runner` runs files whose path contains "runner".
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
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
const result = spawnSync(process.execPath, ['--test', '--test-concurrency=2', ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
