// `npm start`: builds the VSIX and opens examples/ in VS Code with the extension installed — the desktop `code` when it
// is on PATH, else code-server (VS Code in the browser) on http://127.0.0.1:8080, installing its harness
// (test/e2e/install.sh) on first use. Ctrl-C stops code-server and everything it started.
// PORT=… picks another port. `npm run demo` runs the examples through the CLI instead.
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const examples = path.join(root, 'examples');
const vsix = path.join(root, 'lambda-workbench.vsix');

function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    try {
      accessSync(path.join(dir, name), constants.X_OK);
      return path.join(dir, name);
    } catch {
      // not here
    }
  }
  return undefined;
}

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root });
  if (result.status !== 0) {
    console.error(`npm start: ${path.basename(command)} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
    process.exit(1);
  }
}

run(process.execPath, [path.join(root, 'scripts', 'package.mjs'), '--out', vsix]);

const code = onPath('code');
if (code) {
  run(code, ['--install-extension', vsix, '--force']);
  run(code, [examples]);
  console.log(`Opened ${path.relative(process.cwd(), examples) || examples} in VS Code with Lambda Workbench installed.`);
  process.exit(0);
}

// No desktop VS Code: code-server, with its own HOME, settings and extensions in <tmp>/lambda-workbench-start (kept
// between starts; outside the repository, so the extension finds nothing of ours it would not find on a user's machine).
const { ensureHarness, startCodeServer, serverLog } = await import('../test/e2e/lib/codeServer.mjs');
ensureHarness();
const port = Number(process.env.PORT ?? 8080);
let server;
try {
  server = await startCodeServer({ runDir: path.join(os.tmpdir(), 'lambda-workbench-start'), port, extensions: [vsix] });
} catch (error) {
  console.error(`npm start: code-server could not start on 127.0.0.1:${port} (${error.message}); is the port taken? Try PORT=8081 npm start`);
  process.exit(1);
}
console.log(`\nVS Code (code-server) with Lambda Workbench: ${server.url}/?folder=${encodeURIComponent(examples)}`);
console.log('Press Ctrl-C to stop.');

let stopping = false;
async function stop(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping code-server…`);
  await server.stop();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGHUP', () => void stop('SIGHUP'));

// Keep running while the server answers; if it dies on its own, say so.
setInterval(async () => {
  if (stopping) return;
  const alive = await fetch(`${server.url}/healthz`).then((response) => response.ok, () => false);
  if (!alive && !stopping) {
    console.error(`code-server stopped answering; its log:\n${serverLog(server)}`);
    await server.stop();
    process.exit(1);
  }
}, 5_000);
