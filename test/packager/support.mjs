// Shared by the packager tests: fixture copies in temp folders, zips read back with yauzl (a reader independent of
// ours), a wheel built on the spot, and a pip environment that reaches no package index.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { lib, root } from '../helpers/invoke.mjs';

const require = createRequire(import.meta.url);
const yauzl = require('yauzl');

export { lib, root };
export const fixtures = path.join(root, 'test', 'fixtures', 'packager');

/** A copy of a fixture folder in a fresh temp folder (removed after the test file). */
export function copyFixture(t, name) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `lwb-pkg-${name}-`));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.cpSync(path.join(fixtures, name), dir, { recursive: true });
  return dir;
}

/** An empty temp folder, removed after the test. */
export function tempDir(t, prefix = 'lwb-pkg-') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * pip as it behaves offline: no configuration files (this machine has a local index configured), no find-links
 * from the environment, and an index URL where nothing listens.
 */
export const offlinePip = {
  ...process.env,
  PIP_CONFIG_FILE: os.devNull,
  PIP_FIND_LINKS: '',
  PIP_EXTRA_INDEX_URL: '',
  PIP_INDEX_URL: 'http://127.0.0.1:9/simple/',
};

/** Loads a fixture template and packages it. */
export async function packageDir(dir, options = {}) {
  const model = lib.loadTemplate(path.join(dir, 'template.yaml'));
  return lib.packageTemplate(model, { outDir: path.join(dir, 'out'), env: offlinePip, ...options });
}

export function resultFor(run, logicalId) {
  const result = run.results.find((r) => r.logicalId === logicalId);
  if (!result) throw new Error(`no result for ${logicalId}: ${run.results.map((r) => r.logicalId).join(', ')}`);
  return result;
}

export const errorsOf = (result) => result.findings.filter((f) => f.level === 'error').map((f) => f.message);
export const warningsOf = (result) => result.findings.filter((f) => f.level === 'warning').map((f) => f.message);

/**
 * Every entry of a zip, read with yauzl: name, unix mode, directory flag, DOS date, extra field length,
 * compression method and (for files) the content.
 */
export function readZip(file) {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, strictFileNames: true, validateEntrySizes: true }, (error, zip) => {
      if (error) return reject(error);
      const entries = [];
      zip.on('error', reject);
      zip.on('end', () => resolve(entries));
      zip.on('entry', (entry) => {
        const record = {
          name: entry.fileName,
          directory: entry.fileName.endsWith('/'),
          mode: (entry.externalFileAttributes >>> 16) & 0o777,
          madeBy: entry.versionMadeBy >> 8,
          date: entry.getLastModDate(),
          extraFieldLength: entry.extraFieldLength,
          commentLength: entry.fileCommentLength,
          method: entry.compressionMethod,
          dataDescriptor: (entry.generalPurposeBitFlag & 0x8) !== 0,
        };
        entries.push(record);
        if (record.directory) return zip.readEntry();
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError) return reject(streamError);
          const chunks = [];
          stream.on('data', (chunk) => chunks.push(chunk));
          stream.on('error', reject);
          stream.on('end', () => {
            record.data = Buffer.concat(chunks);
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

/** The content of one zip entry as text. */
export async function zipText(file, name) {
  const entry = (await readZip(file)).find((e) => e.name === name);
  if (!entry) throw new Error(`${name} is not in ${file}`);
  return entry.data.toString('utf8');
}

/** Writes a minimal pure-Python wheel (a zip with the module and its .dist-info), as `pip wheel` would. */
export function buildWheel(dir, name, version, moduleSource) {
  fs.mkdirSync(dir, { recursive: true });
  const script = `
import base64, hashlib, sys, zipfile
dir, name, version, source = sys.argv[1:5]
info = f"{name}-{version}.dist-info"
files = {
  f"{name}/__init__.py": source,
  f"{info}/METADATA": f"Metadata-Version: 2.1\\nName: {name}\\nVersion: {version}\\n",
  f"{info}/WHEEL": "Wheel-Version: 1.0\\nGenerator: lambda-workbench-test\\nRoot-Is-Purelib: true\\nTag: py3-none-any\\n",
}
def record(path, text):
    digest = base64.urlsafe_b64encode(hashlib.sha256(text.encode()).digest()).rstrip(b"=").decode()
    return f"{path},sha256={digest},{len(text.encode())}"
lines = [record(p, t) for p, t in files.items()] + [f"{info}/RECORD,,"]
with zipfile.ZipFile(f"{dir}/{name}-{version}-py3-none-any.whl", "w") as wheel:
    for path, text in files.items():
        wheel.writestr(path, text)
    wheel.writestr(f"{info}/RECORD", "\\n".join(lines) + "\\n")
`;
  const out = spawnSync('python3', ['-c', script, dir, name, version, moduleSource], { encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`building the wheel failed: ${out.stderr}`);
  return path.join(dir, `${name}-${version}-py3-none-any.whl`);
}
