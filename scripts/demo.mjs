// `npm run demo`: runs the example project examples/hello through the CLI — every function with each of its saved
// events — and prints each result and its log, as a new user would see them.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const project = path.join(root, 'examples', 'hello');
const cli = path.join(root, 'dist', 'cli.js');

function run(args) {
  console.log(`\n$ lambda-workbench ${args.join(' ')}`);
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: project, encoding: 'utf8' });
  process.stdout.write(result.stderr.replace(/\r/g, '\n'));
  console.log(`→ payload (exit ${result.status}): ${result.stdout}`);
  return result.status;
}

let failures = 0;
if (run(['list']) !== 0) failures++;
for (const fn of readdirSync(path.join(project, 'events'))) {
  for (const event of readdirSync(path.join(project, 'events', fn))) {
    if (run(['invoke', fn, '-e', path.join('events', fn, event)]) !== 0) failures++;
  }
}
process.exit(failures ? 1 : 0);
