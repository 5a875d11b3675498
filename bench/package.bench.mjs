// `npm run bench`: packaging against Info-ZIP's `zip -r -X`, side by side in one run, on the same tree: a function
// folder of 5,000 small files (JavaScript-like text, 200 B–4 KB, in nested packages) plus one 20 MB file (the first
// 20 MB of the node executable: native code, like the engines and libraries that make Lambda packages big).
//   ours (process): `node` starting, loading dist/lib.js and packaging the template's function (no smoke invoke);
//   ours (in process): the packageTemplate() call alone, as the editor makes it;
//   zip -r -X: Info-ZIP at its default level 6, the same level we deflate at;
//   yazl: the zip library first planned for the writer, streaming each file (for the record).
// Runs are interleaved so machine noise falls on every tool alike; medians are compared. The ratio (ours/zip) is
// printed and written to bench/results/package.json. Target: ≤ 1.5× zip's time. Not a test: read by a person.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const lib = require(path.join(root, 'dist', 'lib.js'));
const runs = Number(process.env.BENCH_PACKAGE_RUNS ?? 7);
const SMALL_FILES = 5000;
const BIG_BYTES = 20 * 1024 * 1024;

function generate(dir) {
  const code = path.join(dir, 'function');
  let seed = 42;
  const random = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 0x100000000;
  };
  const words = ('const let function return export import require module value handler event context async await data ' +
    'item list map filter reduce error throw new class this null undefined true false options result promise').split(' ');
  const text = (length) => {
    let out = '';
    while (out.length < length) out += words[Math.floor(random() * words.length)] + (random() < 0.12 ? ';\n' : ' ') + (random() < 0.05 ? Math.floor(random() * 1e6) : '');
    return out.slice(0, length);
  };
  for (let i = 0; i < SMALL_FILES; i++) {
    const folder = path.join(code, 'node_modules', `package-${Math.floor(i / 50)}`, i % 2 ? 'lib' : 'dist');
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, `module-${i}.js`), text(200 + Math.floor(random() * 3800)));
  }
  const big = Buffer.alloc(BIG_BYTES);
  const fd = fs.openSync(process.execPath, 'r');
  const read = fs.readSync(fd, big, 0, BIG_BYTES, 0);
  fs.closeSync(fd);
  for (let i = read; i < BIG_BYTES; i++) big[i] = Math.floor(random() * 256); // a node smaller than 20 MB
  fs.mkdirSync(path.join(code, 'engine'));
  fs.writeFileSync(path.join(code, 'engine', 'libengine.so'), big);
  fs.writeFileSync(path.join(code, 'bootstrap'), '#!/bin/sh\nexec ./engine/run\n', { mode: 0o755 });
  fs.writeFileSync(path.join(dir, 'template.yaml'), [
    'Resources:',
    '  BenchFunction:',
    '    Type: AWS::Serverless::Function',
    '    Properties: { CodeUri: function/, Handler: bootstrap, Runtime: provided.al2023 }',
  ].join('\n'));
  return code;
}

function timeProcess(command, args, options) {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  return ms;
}

async function timeInProcess(dir, outDir) {
  const start = process.hrtime.bigint();
  const run = await lib.packageTemplate(lib.loadTemplate(path.join(dir, 'template.yaml')), { outDir, verify: false });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (!run.results[0].ok) throw new Error(JSON.stringify(run.results[0].findings));
  return { ms, result: run.results[0] };
}

function timeYazl(code, file) {
  let yazl;
  try {
    yazl = require('yazl');
  } catch {
    return Promise.resolve(undefined);
  }
  const files = [];
  const walk = (dir, rel) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const name = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path.join(dir, entry.name), name);
      else files.push(name);
    }
  };
  const start = process.hrtime.bigint();
  walk(code, '');
  const zip = new yazl.ZipFile();
  for (const name of files) {
    zip.addFile(path.join(code, name), name, { mtime: new Date(1980, 0, 1), mode: 0o100644, forceDosTimestamp: true, compressionLevel: 6 });
  }
  zip.end();
  return new Promise((resolve, reject) => {
    zip.outputStream.pipe(fs.createWriteStream(file)).on('close', () => resolve(Number(process.hrtime.bigint() - start) / 1e6)).on('error', reject);
  });
}

const median = (samples) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)];

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lwb-bench-package-'));
try {
  const code = generate(work);
  const zipVersion = /This is (Zip [\d.]+)/.exec(spawnSync('zip', ['-v'], { encoding: 'utf8' }).stdout ?? '')?.[1];
  if (!zipVersion) throw new Error('Info-ZIP zip is not installed (Debian package `zip`)');
  const script = `const lib = require(${JSON.stringify(path.join(root, 'dist', 'lib.js'))});
    lib.packageTemplate(lib.loadTemplate(process.argv[1]), { outDir: process.argv[2], verify: false })
      .then((run) => { if (!run.results[0].ok) { console.error(JSON.stringify(run.results[0].findings)); process.exit(1); } });`;
  const samples = { process: [], inProcess: [], zip: [], yazl: [] };
  let sizes;
  for (let i = 0; i < runs + 1; i++) {
    const zipFile = path.join(work, 'info-zip.zip');
    fs.rmSync(zipFile, { force: true });
    const zipMs = timeProcess('zip', ['-q', '-r', '-X', zipFile, '.'], { cwd: code });
    const processMs = timeProcess(process.execPath, ['-e', script, path.join(work, 'template.yaml'), path.join(work, 'out-process')]);
    const inProcess = await timeInProcess(work, path.join(work, 'out'));
    const yazlMs = await timeYazl(code, path.join(work, 'yazl.zip'));
    sizes = { ours: inProcess.result.bytes, zip: fs.statSync(zipFile).size, unzipped: inProcess.result.unzippedBytes };
    if (i === 0) continue; // the first round warms the file cache
    samples.zip.push(zipMs);
    samples.process.push(processMs);
    samples.inProcess.push(inProcess.ms);
    if (yazlMs !== undefined) samples.yazl.push(yazlMs);
  }
  const zipMedian = median(samples.zip);
  const rows = [
    { tool: 'lambda-workbench (node process: start, load, package)', median: median(samples.process) },
    { tool: 'lambda-workbench (packageTemplate() in process)', median: median(samples.inProcess) },
    { tool: `zip -r -X (Info-ZIP ${zipVersion})`, median: zipMedian },
    ...(samples.yazl.length ? [{ tool: 'yazl 3 (addFile, level 6)', median: median(samples.yazl) }] : []),
  ].map((row) => ({ ...row, ratio: row.median / zipMedian }));
  const ratio = rows[0].ratio;
  console.log(`\nPackaging ${SMALL_FILES} small files + one 20 MB file (${(sizes.unzipped / 1048576).toFixed(1)} MB unzipped; median of ${runs} interleaved runs, ${os.availableParallelism?.() ?? os.cpus().length} cores)`);
  console.table(rows.map((r) => ({ tool: r.tool, 'median ms': r.median.toFixed(0), '× zip': r.ratio.toFixed(2) })));
  console.log(`zip sizes: ours ${sizes.ours} bytes, Info-ZIP ${sizes.zip} bytes. Target ≤ 1.50× zip: ${ratio <= 1.5 ? 'met' : 'NOT met'} (${ratio.toFixed(2)}×).`);
  fs.mkdirSync(path.join(here, 'results'), { recursive: true });
  fs.writeFileSync(path.join(here, 'results', 'package.json'), `${JSON.stringify({
    date: new Date().toISOString(), runs, cores: os.availableParallelism?.() ?? os.cpus().length, loadAverage: os.loadavg(),
    tree: { smallFiles: SMALL_FILES, bigFileBytes: BIG_BYTES, unzippedBytes: sizes.unzipped },
    zipBytes: { ours: sizes.ours, infoZip: sizes.zip },
    medianMs: Object.fromEntries(Object.entries(samples).filter(([, s]) => s.length).map(([k, s]) => [k, median(s)])),
    samplesMs: samples,
    ratio, target: 1.5, met: ratio <= 1.5,
  }, null, 2)}\n`);
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
