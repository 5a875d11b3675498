// The zip writer on its own: the same bytes with or without worker threads, large files streamed (and stored when
// deflate does not help), secrets found across read chunks, and zips every reader accepts.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { lib, readZip, tempDir } from './support.mjs';

function tree(dir, count) {
  const entries = [];
  for (let i = 0; i < count; i++) {
    const name = `pkg${i % 7}/file${String(i).padStart(4, '0')}.js`;
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `module.exports = ${JSON.stringify('value '.repeat(i % 50))};\n`);
    entries.push({ name, mode: 0o644, source: { file, size: fs.statSync(file).size } });
  }
  return entries;
}

describe('zip writer', () => {
  it('writes the same bytes with worker threads as without, whatever order the entries come in', async (t) => {
    const dir = tempDir(t);
    const entries = tree(path.join(dir, 'src'), 300);
    const leaky = entries[123];
    fs.appendFileSync(leaky.source.file, `// ${['AKIA', 'Q3EGRLZ7VXPM4TUW'].join('')}\n`);
    leaky.source.size = fs.statSync(leaky.source.file).size;
    const a = await lib.writeZip(path.join(dir, 'a.zip'), entries, { workers: 2 });
    const b = await lib.writeZip(path.join(dir, 'b.zip'), [...entries].reverse(), { workers: 0 });
    assert.equal(a.entries, 300);
    assert.deepEqual(a.secrets, [{ name: leaky.name, hits: [{ kind: 'access key id', line: 2, masked: 'AKIA…4TUW' }] }], 'scanned on the workers');
    assert.deepEqual(b.secrets, a.secrets);
    assert.equal(a.sha256, b.sha256);
    assert.ok(fs.readFileSync(a.file).equals(fs.readFileSync(b.file)));
    const read = await readZip(a.file);
    assert.deepEqual(read.map((e) => e.name), entries.map((e) => e.name).sort());
    assert.equal(read[5].data.toString(), fs.readFileSync(entries.find((e) => e.name === read[5].name).source.file, 'utf8'));
  });

  it('streams large files, storing them when deflate does not make them smaller, with the same result as reading them whole', async (t) => {
    const dir = tempDir(t);
    const random = Buffer.alloc(3 * 1024 * 1024);
    for (let i = 0, x = 2463534242; i < random.length; i += 4) {
      x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
      random.writeUInt32LE(x, i);
    }
    fs.writeFileSync(path.join(dir, 'random.bin'), random);
    fs.writeFileSync(path.join(dir, 'text.txt'), 'lambda '.repeat(500_000));
    const entries = ['random.bin', 'text.txt'].map((name) => ({ name, mode: 0o644, source: { file: path.join(dir, name), size: fs.statSync(path.join(dir, name)).size } }));
    const streamed = await lib.writeZip(path.join(dir, 'streamed.zip'), entries, { streamAboveBytes: 1024 });
    const whole = await lib.writeZip(path.join(dir, 'whole.zip'), entries, {});
    assert.equal(streamed.sha256, whole.sha256);
    const read = await readZip(streamed.file);
    assert.deepEqual(read.map((e) => [e.name, e.method]), [['random.bin', 0], ['text.txt', 8]]);
    assert.ok(read[0].data.equals(random));
    assert.equal(read[1].data.length, 3_500_000);
  });

  it('finds a secret that straddles two read chunks of a streamed file, on the right line', async (t) => {
    const dir = tempDir(t);
    const key = ['AKIA', 'Q3EGRLZ7VXPM4TUW'].join('');
    const before = 'x'.repeat(99) + '\n';
    const lines = Math.floor((1024 * 1024 - 10) / before.length);
    const text = before.repeat(lines) + 'y'.repeat(1024 * 1024 - 10 - lines * before.length) + key + '\nend\n';
    fs.writeFileSync(path.join(dir, 'big.txt'), text);
    const written = await lib.writeZip(path.join(dir, 'out.zip'), [{ name: 'big.txt', mode: 0o644, source: { file: path.join(dir, 'big.txt'), size: text.length } }], { streamAboveBytes: 1024 });
    assert.deepEqual(written.secrets, [{ name: 'big.txt', hits: [{ kind: 'access key id', line: lines + 1, masked: 'AKIA…4TUW' }] }]);
  });

  it('writes zips that Info-ZIP unzip tests clean, and that our reader unpacks with execute bits', async (t) => {
    const dir = tempDir(t);
    const entries = [
      { name: 'bin/', mode: 0o755 },
      { name: 'bin/run', mode: 0o755, source: { data: Buffer.from('#!/bin/sh\necho run\n') } },
      { name: 'données.txt', mode: 0o644, source: { data: Buffer.from('é'.repeat(100)) } },
      { name: 'empty', mode: 0o644, source: { data: Buffer.alloc(0) } },
    ];
    const written = await lib.writeZip(path.join(dir, 'x.zip'), entries);
    const unzip = spawnSync('unzip', ['-tq', written.file], { encoding: 'utf8' });
    if (unzip.error) t.diagnostic('unzip is not installed; skipped its check');
    else assert.equal(unzip.status, 0, unzip.stdout + unzip.stderr);
    const out = path.join(dir, 'out');
    fs.mkdirSync(out);
    await lib.extractZip(written.file, out);
    assert.equal(fs.readFileSync(path.join(out, 'données.txt'), 'utf8'), 'é'.repeat(100));
    assert.equal(fs.statSync(path.join(out, 'bin', 'run')).mode & 0o777, 0o755);
    assert.equal(fs.statSync(path.join(out, 'empty')).size, 0);
    assert.deepEqual(lib.listZip(fs.readFileSync(written.file)).map((e) => [e.name, e.mode.toString(8)]), [['bin/', '755'], ['bin/run', '755'], ['données.txt', '644'], ['empty', '644']]);
  });

  it('refuses more entries than a zip without ZIP64 holds, before writing anything', async (t) => {
    const dir = tempDir(t);
    const entries = Array.from({ length: 65_536 }, (_, i) => ({ name: `f${i}`, mode: 0o644, source: { data: Buffer.alloc(0) } }));
    await assert.rejects(lib.writeZip(path.join(dir, 'x.zip'), entries), /65536 entries is over the 65535 a zip without ZIP64 holds/);
    assert.equal(fs.existsSync(path.join(dir, 'x.zip')), false);
  });

  it('refuses entry names that would unpack outside the folder, writing and reading', async (t) => {
    const dir = tempDir(t);
    await assert.rejects(lib.writeZip(path.join(dir, 'x.zip'), [{ name: '../evil.txt', mode: 0o644, source: { data: Buffer.from('x') } }]), /invalid zip entry name '\.\.\/evil\.txt'/);
    const evil = path.join(dir, 'evil.zip');
    const made = spawnSync('python3', ['-c', 'import sys, zipfile; zipfile.ZipFile(sys.argv[1], "w").writestr("../evil.txt", "x")', evil], { encoding: 'utf8' });
    assert.equal(made.status, 0, made.stderr);
    fs.mkdirSync(path.join(dir, 'out'));
    await assert.rejects(lib.extractZip(evil, path.join(dir, 'out')), /entry \.\.\/evil\.txt points outside the folder/);
    assert.equal(fs.existsSync(path.join(dir, 'evil.txt')), false);
  });
});
