// Custom runtimes and layers, and what every zip is: sorted, 1980-01-01 timestamps, 0644/0755, no extra fields,
// byte-identical from one build to the next.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { copyFixture, errorsOf, packageDir, readZip, resultFor } from './support.mjs';

describe('custom runtimes and layers', () => {
  it('puts bootstrap at the root with its execute bit, even when the file lost it, and the rest as it is', async (t) => {
    const dir = copyFixture(t, 'provided');
    fs.chmodSync(path.join(dir, 'custom', 'bootstrap'), 0o644);
    const result = resultFor(await packageDir(dir), 'CustomFunction');
    const entries = await readZip(result.zipFile);
    assert.deepEqual(entries.map((e) => [e.name, e.mode.toString(8)]), [['bootstrap', '755'], ['data.txt', '644']]);
    assert.equal(entries[1].data.toString(), 'plain data\n');
  });

  it('packages a local layer as its own zip, keeping execute bits, and invokes the function with it', async (t) => {
    const dir = copyFixture(t, 'provided');
    const run = await packageDir(dir);
    const layer = resultFor(run, 'ToolsLayer');
    assert.equal(layer.kind, 'layer');
    assert.deepEqual((await readZip(layer.zipFile)).map((e) => [e.name, e.mode.toString(8)]), [['bin/', '755'], ['bin/helper.sh', '755']]);
    assert.deepEqual(layer.uploadCommands, [`aws lambda publish-layer-version --layer-name ToolsLayer --zip-file fileb://${layer.zipFile} --compatible-runtimes provided.al2023`]);
    const fn = resultFor(run, 'CustomFunction');
    assert.equal(fn.ok, true, JSON.stringify(fn.findings));
    assert.deepEqual(JSON.parse(fn.smoke.payload), { event: {}, tool: true });
    assert.deepEqual(fn.uploadCommands, [`aws lambda update-function-code --function-name CustomFunction --zip-file fileb://${fn.zipFile}`]);
  });

  it('fails a custom runtime without bootstrap', async (t) => {
    const dir = copyFixture(t, 'provided');
    fs.rmSync(path.join(dir, 'custom', 'bootstrap'));
    const result = resultFor(await packageDir(dir), 'CustomFunction');
    assert.equal(result.ok, false);
    assert.match(errorsOf(result).join('\n'), /there is no bootstrap at the root of the zip \(nor of a layer\)/);
    assert.match(result.findings.map((f) => f.message).join('\n'), /smoke invoke was skipped/);
  });
});

describe('reproducible zips', () => {
  it('writes sorted entries dated 1980-01-01, made on Unix, with no extra fields, comments or data descriptors', async (t) => {
    const dir = copyFixture(t, 'provided');
    fs.mkdirSync(path.join(dir, 'custom', 'z-last'));
    fs.writeFileSync(path.join(dir, 'custom', 'z-last', 'b.txt'), 'b'.repeat(1000));
    fs.writeFileSync(path.join(dir, 'custom', 'a-first.txt'), 'a');
    const entries = await readZip(resultFor(await packageDir(dir, { verify: false }), 'CustomFunction').zipFile);
    const names = entries.map((e) => e.name);
    assert.deepEqual(names, ['a-first.txt', 'bootstrap', 'data.txt', 'z-last/', 'z-last/b.txt']);
    for (const entry of entries) {
      const date = entry.date;
      assert.deepEqual([date.getFullYear(), date.getMonth(), date.getDate(), date.getHours(), date.getMinutes()], [1980, 0, 1, 0, 0], entry.name);
      assert.equal(entry.extraFieldLength, 0, entry.name);
      assert.equal(entry.commentLength, 0, entry.name);
      assert.equal(entry.dataDescriptor, false, entry.name);
      assert.equal(entry.madeBy, 3, entry.name);
    }
    assert.equal(entries.find((e) => e.name === 'z-last/b.txt').method, 8, 'deflated');
    assert.equal(entries.find((e) => e.name === 'a-first.txt').method, 0, 'stored when deflate does not help');
  });

  it('gives byte-identical zips from two builds of the same sources, whatever their timestamps', async (t) => {
    const dir = copyFixture(t, 'provided');
    const first = await packageDir(dir, { outDir: path.join(dir, 'one'), verify: false });
    const later = new Date(Date.now() + 3_600_000);
    for (const file of ['custom/bootstrap', 'custom/data.txt', 'layer/bin/helper.sh']) fs.utimesSync(path.join(dir, file), later, later);
    const second = await packageDir(dir, { outDir: path.join(dir, 'two'), verify: false, workers: 0 });
    for (const id of ['CustomFunction', 'ToolsLayer']) {
      const a = resultFor(first, id);
      const b = resultFor(second, id);
      assert.equal(a.sha256, b.sha256, id);
      assert.ok(fs.readFileSync(a.zipFile).equals(fs.readFileSync(b.zipFile)), id);
    }
  });

  it('gives byte-identical bundles for Node.js functions', async (t) => {
    const dir = copyFixture(t, 'node');
    const one = await packageDir(dir, { functions: ['TsFunction'], outDir: path.join(dir, 'one'), verify: false });
    const two = await packageDir(dir, { functions: ['TsFunction'], outDir: path.join(dir, 'two'), verify: false });
    assert.equal(one.results[0].sha256, two.results[0].sha256);
  });
});
