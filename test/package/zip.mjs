// A small zip reader for tests (a VSIX is a zip): lists the central directory and extracts entries.
// Handles what vsce writes — stored and deflated entries, no zip64, no encryption.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

/** Entries of a zip file: { name, method, compressedSize, size, localOffset }. */
export function zipEntries(file) {
  const zip = readFileSync(file);
  return readCentralDirectory(zip);
}

function readCentralDirectory(zip) {
  // The end record is 22 bytes plus a comment of at most 64 KiB, at the end of the file.
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === END_OF_CENTRAL_DIRECTORY) { end = i; break; }
  }
  if (end < 0) throw new Error('not a zip file: no end-of-central-directory record');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== CENTRAL_HEADER) throw new Error(`bad central directory header at ${at}`);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    entries.push({
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      localOffset: zip.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Writes every entry whose name starts with `prefix` under `dir` (the prefix removed); returns the names. */
export function extractZip(file, dir, prefix = '') {
  const zip = readFileSync(file);
  const written = [];
  for (const entry of readCentralDirectory(zip)) {
    if (!entry.name.startsWith(prefix) || entry.name.endsWith('/')) continue;
    const at = entry.localOffset;
    if (zip.readUInt32LE(at) !== LOCAL_HEADER) throw new Error(`bad local header for ${entry.name}`);
    const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
    const raw = zip.subarray(start, start + entry.compressedSize);
    const data = entry.method === 0 ? raw : entry.method === 8 ? inflateRawSync(raw) : undefined;
    if (!data) throw new Error(`${entry.name}: unsupported compression method ${entry.method}`);
    const target = path.join(dir, entry.name.slice(prefix.length));
    if (!target.startsWith(path.resolve(dir) + path.sep)) throw new Error(`${entry.name} leaves the target folder`);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, data);
    written.push(entry.name);
  }
  return written;
}
