// Node.js and TypeScript: one esbuild bundle per function, CJS or ESM as the source is, SAM's esbuild
// BuildProperties honoured, the Handler resolving in the zip, and the smoke invoke from the unpacked zip.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import { errorsOf, fixtures, packageDir, readZip, resultFor, root, tempDir, warningsOf, zipText } from './support.mjs';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lwb-pkg-node-'));
let run;
before(async () => {
  fs.cpSync(path.join(fixtures, 'node'), dir, { recursive: true });
  run = await packageDir(dir);
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

const names = async (result) => (await readZip(result.zipFile)).map((e) => e.name);
const payload = (result) => JSON.parse(result.smoke.payload);

describe('bundling without BuildProperties', () => {
  it('bundles a CommonJS handler in a sub-folder into src/app.js, its own modules inlined', async () => {
    const result = resultFor(run, 'CjsFunction');
    assert.deepEqual(errorsOf(result), []);
    assert.deepEqual(await names(result), ['src/', 'src/app.js']);
    const code = await zipText(result.zipFile, 'src/app.js');
    assert.match(code, /^exports\.handler = /m);
    assert.doesNotMatch(code, /^export /m);
    assert.match(code, /toUpperCase/, 'the vendored module is in the bundle');
    assert.doesNotMatch(code, /require\(["']\.\.?\//, 'no relative require is left');
    assert.equal(result.handler, 'src/app.handler');
    assert.equal(result.handlerChanged, false);
  });

  it('invokes the unpacked zip with the first saved event and reports it ready', () => {
    const result = resultFor(run, 'CjsFunction');
    assert.equal(result.ok, true);
    assert.equal(result.smoke.ok, true);
    assert.equal(result.smoke.event, path.join('events', 'CjsFunction', 'hello.json'));
    assert.deepEqual(payload(result), { message: 'HELLO CJS!', format: 'cjs' });
  });

  it('keeps an ESM handler ESM, as app.mjs, and invokes it with {} when there is no saved event', async () => {
    const result = resultFor(run, 'EsmFunction');
    assert.deepEqual(await names(result), ['app.mjs']);
    assert.match(await zipText(result.zipFile, 'app.mjs'), /^export \{/m);
    assert.equal(result.smoke.event, '{}');
    assert.deepEqual(payload(result), { value: 42, format: 'esm' });
    assert.match(result.findings.find((f) => f.level === 'info' && f.message.startsWith('esbuild')).message, /ESM for node22/);
  });

  it('compiles TypeScript to CommonJS app.js when the package is not a module', async () => {
    const result = resultFor(run, 'TsFunction');
    assert.deepEqual(await names(result), ['app.js']);
    const code = await zipText(result.zipFile, 'app.js');
    assert.doesNotMatch(code, /interface Event|: Promise</);
    assert.match(code, /module\.exports/);
    assert.deepEqual(payload(result), { message: 'typed typescript' });
  });

  it('compiles TypeScript to ESM handlers/app.mjs when package.json says "type": "module"', async () => {
    const result = resultFor(run, 'TsModuleFunction');
    assert.deepEqual(await names(result), ['handlers/', 'handlers/app.mjs']);
    assert.deepEqual(payload(result), { format: 'esm' });
  });

  it('leaves @aws-sdk/* to the runtime', async () => {
    const result = resultFor(run, 'SdkFunction');
    assert.deepEqual(await names(result), ['app.js']);
    const code = await zipText(result.zipFile, 'app.js');
    assert.match(code, /require\("@aws-sdk\/client-s3"\)/);
    assert.ok(code.length < 2000, 'the SDK is not bundled');
    let sdkInstalled = true;
    try {
      createRequire(path.join(root, 'package.json')).resolve('@aws-sdk/client-s3');
    } catch {
      sdkInstalled = false;
    }
    if (sdkInstalled) assert.equal(result.ok, true);
    else assert.match(errorsOf(result).join('\n'), /Lambda provides @aws-sdk\/\* at run time/);
  });
});

describe('bundling with SAM BuildProperties', () => {
  it('honours EntryPoints, Format, OutExtension, Minify: false, Target and Sourcemap like sam build', async () => {
    const result = resultFor(run, 'SamFunction');
    assert.deepEqual(errorsOf(result), []);
    assert.deepEqual(await names(result), ['app.mjs', 'app.mjs.map']);
    const code = await zipText(result.zipFile, 'app.mjs');
    assert.match(code, /built like sam build for/);
    assert.ok(code.split('\n').length > 5, 'not minified');
    assert.match(code, /\/\/# sourceMappingURL=app\.mjs\.map/);
    assert.match(code, /^export \{/m);
  });

  it('moves the Handler to the bundle at the root, as sam build does, and says how to update it', () => {
    const result = resultFor(run, 'SamFunction');
    assert.equal(result.handler, 'app.handler');
    assert.equal(result.handlerChanged, true);
    assert.match(warningsOf(result).join('\n'), /the Handler in the zip is app\.handler/);
    assert.ok(result.uploadCommands.includes('aws lambda update-function-configuration --function-name SamFunction --handler app.handler'));
  });

  it('runs the source-mapped bundle with NODE_OPTIONS=--enable-source-maps, as sam build sets it', () => {
    const result = resultFor(run, 'SamFunction');
    assert.equal(result.smoke.ok, true, result.smoke.payload);
    assert.deepEqual(payload(result), { message: 'built like sam build for sam', sourceMaps: true });
  });

  it('uses SAM defaults without BuildProperties: entry from the Handler, CommonJS, es2020, minified', async () => {
    const result = resultFor(run, 'SamDefaultsFunction');
    assert.deepEqual(await names(result), ['app.js']);
    const code = await zipText(result.zipFile, 'app.js');
    assert.ok(code.trim().split('\n').length <= 3, 'minified');
    assert.match(code, /module\.exports/);
    assert.equal(result.handler, 'app.handler');
    assert.equal(result.ok, true);
    assert.deepEqual(payload(result), { message: 'built like sam build for sam', sourceMaps: false });
  });

  it('fails the package when the smoke invoke cannot find a dependency left out of the bundle', async () => {
    const result = resultFor(run, 'ExternalFunction');
    assert.match(await zipText(result.zipFile, 'app.js'), /require\("left-out-dependency"\)/);
    assert.equal(result.ok, false);
    assert.equal(result.smoke.ok, false);
    assert.equal(result.smoke.errorType, 'Runtime.ImportModuleError');
    assert.match(errorsOf(result).join('\n'), /failed its smoke invoke .*Cannot find module 'left-out-dependency'.*take it out of External/);
    assert.deepEqual(result.uploadCommands.filter((c) => c.includes('update-function-code')).length, 1);
  });
});

describe('bundling problems', () => {
  it('reports a handler file that does not exist, naming it', async (t) => {
    const work = tempDir(t);
    fs.mkdirSync(path.join(work, 'src'));
    fs.writeFileSync(path.join(work, 'src', 'other.js'), 'exports.x = 1;');
    fs.writeFileSync(path.join(work, 'template.yaml'), [
      'Resources:',
      '  Fn:',
      '    Type: AWS::Serverless::Function',
      '    Properties: { CodeUri: src/, Handler: app.handler, Runtime: nodejs20.x }',
    ].join('\n'));
    const result = (await packageDir(work)).results[0];
    assert.equal(result.ok, false);
    assert.equal(result.zipFile, undefined);
    assert.match(errorsOf(result)[0], /Handler 'app\.handler' of Fn: no app\.js, \.mjs, \.cjs or \.ts in .*src/);
  });

  it('reports what esbuild cannot resolve, with the file and line', async (t) => {
    const work = tempDir(t);
    fs.writeFileSync(path.join(work, 'app.js'), "const x = require('not-installed-anywhere');\nexports.handler = async () => x;\n");
    fs.writeFileSync(path.join(work, 'template.yaml'), 'Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties: { Handler: app.handler, Runtime: nodejs20.x }\n');
    const result = (await packageDir(work)).results[0];
    assert.match(errorsOf(result)[0], /esbuild could not bundle Fn: app\.js:1:\d+: Could not resolve "not-installed-anywhere" — install it/);
  });

  it('warns about a native addon built for another architecture', async (t) => {
    const work = tempDir(t);
    const elf = Buffer.alloc(64);
    Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]).copy(elf);
    elf.writeUInt16LE(183, 18); // EM_AARCH64
    fs.writeFileSync(path.join(work, 'addon.node'), elf);
    fs.writeFileSync(path.join(work, 'app.js'), "const addon = require('./addon.node');\nexports.handler = async () => addon;\n");
    fs.writeFileSync(path.join(work, 'template.yaml'), 'Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties: { Handler: app.handler, Runtime: nodejs20.x, Architectures: [x86_64] }\n');
    const result = (await packageDir(work, { verify: false })).results[0];
    const addon = (await readZip(result.zipFile)).find((e) => e.name.endsWith('.node'));
    assert.ok(addon, 'the addon is copied next to the bundle');
    assert.match(warningsOf(result).join('\n'), new RegExp(`${addon.name.replace('.', '\\.')} is built for arm64, but the function runs on Linux x86_64`));
    assert.equal(result.ok, true, 'a warning, not an error');
  });
});
