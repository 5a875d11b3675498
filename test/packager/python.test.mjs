// Python: the code folder without bytecode, requirements.txt from vendored packages or a local wheelhouse when no
// index is reachable (pip with --platform/--python-version/--only-binary), and a clear error naming what is missing.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { buildWheel, copyFixture, errorsOf, packageDir, readZip, resultFor, tempDir } from './support.mjs';

const names = async (file) => (await readZip(file)).map((e) => e.name);

describe('python', () => {
  it('packages the code folder with its vendored requirements, without bytecode, and invokes it', async (t) => {
    const dir = copyFixture(t, 'python');
    const cache = path.join(dir, 'vendored', '__pycache__');
    fs.mkdirSync(cache);
    fs.writeFileSync(path.join(cache, 'app.cpython-311.pyc'), 'bytecode');
    fs.writeFileSync(path.join(dir, 'vendored', 'tinyvendored', 'stale.pyc'), 'bytecode');
    const result = resultFor(await packageDir(dir, { functions: ['VendoredFunction'] }), 'VendoredFunction');
    assert.deepEqual(errorsOf(result), []);
    assert.deepEqual(await names(result.zipFile), [
      'app.py', 'requirements.txt', 'tinyvendored-1.0.dist-info/', 'tinyvendored-1.0.dist-info/METADATA',
      'tinyvendored/', 'tinyvendored/__init__.py',
    ]);
    assert.match(result.findings.map((f) => f.message).join('\n'), /vendored in the code folder: tinyvendored/);
    assert.match(result.findings.map((f) => f.message).join('\n'), /left out: .*__pycache__\/ \(Python bytecode\).*stale\.pyc/);
    assert.equal(result.smoke.ok, true, result.smoke.payload);
    assert.deepEqual(JSON.parse(result.smoke.payload), { value: 'vendored in the code folder', who: 'vendored' });
  });

  it('installs a requirement from a wheelhouse beside the code when no index is reachable, and leaves the wheelhouse out', async (t) => {
    const dir = copyFixture(t, 'python');
    buildWheel(path.join(dir, 'wheel', 'wheelhouse'), 'tinywheel', '1.0', 'VALUE = "installed from a wheelhouse"\n');
    const result = resultFor(await packageDir(dir, { functions: ['WheelFunction'] }), 'WheelFunction');
    assert.deepEqual(errorsOf(result), []);
    const entries = await names(result.zipFile);
    assert.ok(entries.includes('tinywheel/__init__.py'), entries.join(', '));
    assert.ok(entries.some((name) => name.startsWith('tinywheel-1.0.dist-info/')));
    assert.ok(!entries.some((name) => name.includes('wheelhouse') || name.endsWith('.whl')), entries.join(', '));
    assert.ok(!entries.some((name) => name.endsWith('.pyc')), 'pip ran with --no-compile');
    assert.deepEqual(JSON.parse(result.smoke.payload), { value: 'installed from a wheelhouse' });
  });

  it('takes wheelhouses given as options (--wheelhouse)', async (t) => {
    const dir = copyFixture(t, 'python');
    const wheelhouse = tempDir(t, 'lwb-wheelhouse-');
    buildWheel(wheelhouse, 'tinywheel', '1.0', 'VALUE = "from --wheelhouse"\n');
    const result = resultFor(await packageDir(dir, { functions: ['WheelFunction'], wheelhouses: [wheelhouse] }), 'WheelFunction');
    assert.deepEqual(JSON.parse(result.smoke.payload), { value: 'from --wheelhouse' });
    assert.match(result.findings.map((f) => f.message).join('\n'), /installed by pip for Python 3\.11 \(x86_64\): tinywheel/);
  });

  it('fails with an error naming a requirement found nowhere, and says what to do', async (t) => {
    const dir = copyFixture(t, 'python');
    const result = resultFor(await packageDir(dir, { functions: ['MissingFunction'] }), 'MissingFunction');
    assert.equal(result.ok, false);
    assert.equal(result.zipFile, undefined);
    assert.equal(fs.existsSync(path.join(dir, 'out', 'MissingFunction.zip')), false);
    const [error] = errorsOf(result);
    assert.match(error, /^requirements\.txt of MissingFunction needs not-a-real-package-lwb \(Python 3\.11, manylinux2014_x86_64\), but no package index could be reached and it is not vendored in /);
    assert.match(error, /vendor it \(pip install --target .* 'not-a-real-package-lwb==1\.0'\), put its wheel in a wheelhouse folder/);
    assert.doesNotMatch(error, /\n/);
  });

  it('catches a missing dependency with the smoke invoke', async (t) => {
    const dir = copyFixture(t, 'python');
    const result = resultFor(await packageDir(dir, { functions: ['ImportErrorFunction'] }), 'ImportErrorFunction');
    assert.equal(result.ok, false);
    assert.ok(result.zipFile, 'the zip is written, and reported as failed');
    assert.equal(result.smoke.errorType, 'Runtime.ImportModuleError');
    assert.match(errorsOf(result).join('\n'), /No module named 'missingmodule' — add the package that provides 'missingmodule' to requirements\.txt/);
    assert.deepEqual(result.uploadCommands.length > 0, true);
  });

  it('does not invoke with verify off', async (t) => {
    const dir = copyFixture(t, 'python');
    const result = resultFor(await packageDir(dir, { functions: ['ImportErrorFunction'], verify: false }), 'ImportErrorFunction');
    assert.equal(result.smoke, undefined);
    assert.equal(result.ok, true);
  });

  it('builds a Python layer under python/ with its requirements, and invokes the function with it', async (t) => {
    const dir = copyFixture(t, 'python');
    const wheelhouse = tempDir(t, 'lwb-wheelhouse-');
    buildWheel(wheelhouse, 'tinywheel', '1.0', 'VALUE = "in the layer"\n');
    const run = await packageDir(dir, { functions: ['LayerUserFunction'], wheelhouses: [wheelhouse] });
    assert.deepEqual(run.results.map((r) => r.logicalId), ['SharedLayer', 'LayerUserFunction']);
    const layerNames = await names(resultFor(run, 'SharedLayer').zipFile);
    for (const name of ['python/', 'python/shared_helper.py', 'python/requirements.txt', 'python/tinywheel/__init__.py']) assert.ok(layerNames.includes(name), name);
    const fn = resultFor(run, 'LayerUserFunction');
    assert.deepEqual(await names(fn.zipFile), ['app.py']);
    assert.equal(fn.ok, true, JSON.stringify(fn.findings));
    assert.deepEqual(JSON.parse(fn.smoke.payload), { greeting: 'from the layer', value: 'in the layer' });
  });

  it('warns about a CPython extension built for another Python', async (t) => {
    const dir = copyFixture(t, 'python');
    const elf = Buffer.alloc(64);
    Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]).copy(elf);
    elf.writeUInt16LE(62, 18); // x86_64: right CPU, wrong Python
    fs.writeFileSync(path.join(dir, 'vendored', 'tinyvendored', '_speedups.cpython-312-x86_64-linux-gnu.so'), elf);
    const result = resultFor(await packageDir(dir, { functions: ['VendoredFunction'], verify: false }), 'VendoredFunction');
    assert.match(result.findings.map((f) => f.message).join('\n'), /_speedups\.cpython-312-x86_64-linux-gnu\.so is a CPython 3\.12 extension, but the runtime is python3\.11/);
  });
});
