// Every dependency that comes with an install script has been looked at, and package.json's `allowScripts` says
// whether it may run (npm 11 warns at each install about any it does not cover; npm 12 skips them). A new dependency
// with an install script fails here until someone decides.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { root } from '../helpers/invoke.mjs';

const readJson = (dir, file) => JSON.parse(readFileSync(path.join(root, dir, file), 'utf8'));

/** The names of the packages of `dir`'s lockfile that have install scripts, optional ones included. */
function withInstallScripts(dir) {
  const { packages } = readJson(dir, 'package-lock.json');
  return Object.entries(packages).filter(([, entry]) => entry.hasInstallScript)
    .map(([where]) => where.slice(where.lastIndexOf('node_modules/') + 'node_modules/'.length));
}

/** `dir`'s package.json `allowScripts`: a package name → whether its install scripts may run. */
const allowScriptsOf = (dir) => readJson(dir, 'package.json').allowScripts ?? {};

for (const dir of ['.', 'test/e2e']) {
  test(`${dir === '.' ? 'the extension' : 'the e2e harness'} (${dir}/package.json): allowScripts decides on every install script of its lockfile`, () => {
    const allowScripts = allowScriptsOf(dir);
    const scripts = withInstallScripts(dir);
    assert.ok(scripts.length > 0, 'the lockfile lists packages with install scripts');
    for (const name of scripts) assert.equal(typeof allowScripts[name], 'boolean', `${name} has an install script and no allowScripts entry`);
  });
}

test('the install scripts that run are the ones the project needs', () => {
  const allowed = (dir) => Object.entries(allowScriptsOf(dir)).filter(([, allow]) => allow).map(([name]) => name).sort();
  // esbuild checks its own binary; the harness rebuilds code-server and argon2 under code-server's Node.js. vsce-sign
  // and keytar (a signing tool, a keychain for publishing) would fetch binaries the project never uses.
  assert.deepEqual(allowed('.'), ['esbuild']);
  assert.deepEqual(allowed('test/e2e'), ['argon2', 'code-server']);
});
