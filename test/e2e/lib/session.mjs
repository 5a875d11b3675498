// One e2e session: a run folder, a copy of examples/ as the workspace, code-server with the packaged VSIX installed,
// and Chromium showing the workbench. Tests never touch the repository's own examples/.
// Run folders live in the system's temporary folder, not under the repository: there, nothing of ours (node_modules
// with esbuild, say) sits above the installed extension or the workspace, just as on a user's machine.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot, startCodeServer, serverLog } from './codeServer.mjs';
import { openWorkbench, waitForWorkbench } from './workbench.mjs';

export const vsixPath = path.join(repoRoot, 'lambda-workbench.vsix');

/** The VSIX `npm run package` built; builds it when it is missing (LWB_VSIX points at another one). */
export function packagedVsix() {
  const vsix = process.env.LWB_VSIX ?? vsixPath;
  if (!existsSync(vsix)) {
    const built = spawnSync('npm', ['run', 'package'], { cwd: repoRoot, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('`npm run package` failed: see its output above');
  }
  return vsix;
}

/** A fresh run folder, <tmp>/lwb-e2e-<name>-XXXXXX. */
export function newRunDir(name) {
  return mkdtempSync(path.join(os.tmpdir(), `lwb-e2e-${name}-`));
}

/** Copies examples/ (without bytecode caches) to <runDir>/examples and returns the copy's path. */
export function copyExamples(runDir) {
  const ws = path.join(runDir, 'examples');
  cpSync(path.join(repoRoot, 'examples'), ws, {
    recursive: true,
    filter: (source) => !source.includes(`${path.sep}__pycache__`) && !source.endsWith('.pyc'),
  });
  return ws;
}

/**
 * Starts code-server with the packaged extension and opens a copy of examples/ in Chromium.
 * Options: `trust` (default true), `install` (default true: install the VSIX), `payload` (a list, or a function of
 * the server returning one), `beforeOpen(page)`, `ownedPaths` (more folders whose processes close() ends),
 * `serverArgs`, `settings`. Returns { server, page, ws, runDir, failed, close() }; close() keeps the run folder when
 * `failed` is set (for its server.log) or KEEP_E2E_WORK=1, and removes it otherwise.
 */
export async function startSession(name, { trust = true, install = true, payload, beforeOpen, serverArgs = [], settings, ownedPaths = [] } = {}) {
  const runDir = newRunDir(name);
  const ws = copyExamples(runDir);
  let server;
  let browser;
  try {
    server = await startCodeServer({
      runDir, trust, settings, extraArgs: serverArgs, extensions: install ? [packagedVsix()] : [], ownedPaths,
    });
    const devPayload = typeof payload === 'function' ? payload(server) : payload;
    browser = await openWorkbench(server, ws, { payload: devPayload, beforeOpen });
    if (!payload) await waitForWorkbench(browser.page);
  } catch (error) {
    await browser?.close();
    const log = server ? serverLog(server) : '';
    await server?.stop();
    rmSync(runDir, { recursive: true, force: true });
    throw new Error(`${error.message}${log && `\n--- server.log ---\n${log}`}`, { cause: error });
  }
  const session = {
    server, page: browser.page, ws, runDir, failed: false,
    async close() {
      await browser.close();
      await server.stop();
      if (!session.failed && !process.env.KEEP_E2E_WORK) rmSync(runDir, { recursive: true, force: true });
      else console.log(`[e2e] kept the run folder ${runDir} (server.log, the workspace)`);
    },
  };
  return session;
}
