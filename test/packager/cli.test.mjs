// `lambda-workbench package`: the report per package (zip, size, sha256, upload command), exit 0 / 1 / 2.
// The command module is bundled here on its own, so these tests do not depend on the command table of main.ts;
// the last test goes through dist/cli.js once `package` is wired there.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import { copyFixture, offlinePip, root } from './support.mjs';

const require = createRequire(import.meta.url);
const bundleDir = fs.mkdtempSync(path.join(root, 'dist', '.test-package-cli-'));
let packageCommand;
before(async () => {
  const esbuild = require('esbuild');
  await esbuild.build({
    entryPoints: [path.join(root, 'src', 'cli', 'package.ts')], outfile: path.join(bundleDir, 'package.js'),
    bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['esbuild'], logLevel: 'warning',
  });
  ({ packageCommand } = require(path.join(bundleDir, 'package.js')));
});
after(() => fs.rmSync(bundleDir, { recursive: true, force: true }));

async function run(args, cwd, env = offlinePip) {
  const out = [];
  const err = [];
  const io = { stdout: (t) => out.push(String(t)), stderr: (t) => err.push(t), cwd, env, readStdin: async () => Buffer.alloc(0), stderrIsTTY: false };
  const code = await packageCommand(args, io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

describe('lambda-workbench package', () => {
  it('prints its help', async () => {
    const result = await run(['--help'], root);
    assert.equal(result.code, 0);
    assert.match(result.stdout, /^Usage: lambda-workbench package \[FUNCTION\.\.\.\] \[-t TEMPLATE\] \[-o OUT_DIR\] \[--no-verify\]/);
    assert.match(result.stdout, /default \.lambda-workbench\/package\/ beside the template/);
  });

  it('prints, per package, the zip, its size and sha256 and the upload command, and exits 0', async (t) => {
    const dir = copyFixture(t, 'provided');
    const result = await run([], dir);
    assert.equal(result.code, 0, result.stdout + result.stderr);
    const zip = path.join(dir, '.lambda-workbench', 'package', 'CustomFunction.zip');
    const sha = createHash('sha256').update(fs.readFileSync(zip)).digest('hex');
    const block = result.stdout.slice(result.stdout.indexOf('CustomFunction  ready'));
    assert.match(block, new RegExp(`^  zip      ${zip.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'));
    assert.match(block, new RegExp(`^  size     ${fs.statSync(zip).size} bytes; unzipped [\\d.]+ K?B in 2 entries$`, 'm'));
    assert.match(block, new RegExp(`^  sha256   ${sha}$`, 'm'));
    assert.match(block, /^ {2}verified invoked from the unpacked zip with \{\}: succeeded in \d+ ms$/m);
    assert.ok(block.includes(`  upload   aws lambda update-function-code --function-name CustomFunction --zip-file fileb://${zip}\n`));
    assert.match(result.stdout, /^layer ToolsLayer {2}ready$/m);
    assert.match(result.stdout, /^packaged-template\.yaml {2}.*\.lambda-workbench\/package\/packaged-template\.yaml$/m);
    assert.match(result.stdout, /^2 of 2 packages ready$/m);
    assert.match(result.stderr, /^Packaging CustomFunction \(provided\.al2023\)…$/m);
  });

  it('exits 1 when a package fails its smoke invoke, and prints no upload command for it', async (t) => {
    const dir = copyFixture(t, 'python');
    const result = await run(['ImportErrorFunction', '-o', 'zips'], dir);
    assert.equal(result.code, 1);
    assert.match(result.stdout, /^ImportErrorFunction {2}FAILED$/m);
    assert.match(result.stdout, /^ {2}error {4}the packaged function failed its smoke invoke/m);
    assert.doesNotMatch(result.stdout, /upload/);
    assert.match(result.stdout, /0 of 1 packages ready; failed: ImportErrorFunction/);
    assert.ok(fs.existsSync(path.join(dir, 'zips', 'ImportErrorFunction.zip')), '-o is relative to the working folder');
  });

  it('skips the smoke invoke with --no-verify', async (t) => {
    const dir = copyFixture(t, 'python');
    const result = await run(['ImportErrorFunction', '--no-verify'], dir);
    assert.equal(result.code, 0, result.stdout);
    assert.doesNotMatch(result.stdout, /verified/);
  });

  it('stops with a one-line error for an unknown function or a missing template', async (t) => {
    const dir = copyFixture(t, 'provided');
    await assert.rejects(run(['Nope'], dir), (error) => /Function 'Nope' not found/.test(error.message) && !error.message.includes('\n'));
    await assert.rejects(run([], path.join(dir, 'custom')), /^Error: No template\.yaml or template\.yml in .* — pass -t TEMPLATE$|No template\.yaml or template\.yml in .* — pass -t TEMPLATE/);
  });

  it('exits 2 with one line through dist/cli.js', (t) => {
    const help = spawnSync(process.execPath, [path.join(root, 'dist', 'cli.js'), 'package', '--help'], { encoding: 'utf8' });
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: lambda-workbench package/);
    const dir = copyFixture(t, 'provided');
    const result = spawnSync(process.execPath, [path.join(root, 'dist', 'cli.js'), 'package', 'Nope'], { cwd: dir, encoding: 'utf8' });
    assert.equal(result.status, 2);
    assert.equal(result.stdout, '');
    assert.equal(result.stderr.trimEnd().split('\n').length, 1);
    assert.match(result.stderr, /^lambda-workbench: .*Function 'Nope' not found/);
  });
});
