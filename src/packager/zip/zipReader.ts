// Reads a zip back: its central directory (names, sizes, modes) and, to unpack it for the smoke invoke, its data.
// Enough for the zips we write and for ordinary zips without ZIP64 or encryption.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export interface ZipListing {
  name: string;
  /** Unix permission bits (0 when the zip was not made on Unix). */
  mode: number;
  directory: boolean;
  size: number;
  compressedSize: number;
  method: number;
  crc: number;
  /** Offset of the local header. */
  offset: number;
}

export function listZip(zip: Buffer): ZipListing[] {
  const end = findEndOfCentralDirectory(zip);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: ZipListing[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central directory record at ${at}`);
    const madeBy = zip.readUInt16LE(at + 4) >> 8;
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const external = zip.readUInt32LE(at + 38);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    entries.push({
      name,
      mode: madeBy === 3 ? (external >>> 16) & 0o777 : 0,
      directory: name.endsWith('/'),
      method: zip.readUInt16LE(at + 10),
      crc: zip.readUInt32LE(at + 16),
      compressedSize: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      offset: zip.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The uncompressed bytes of one entry. */
export function readEntry(zip: Buffer, entry: ZipListing): Buffer {
  const at = entry.offset;
  if (zip.readUInt32LE(at) !== 0x04034b50) throw new Error(`bad local header for ${entry.name}`);
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  const raw = zip.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return raw;
  if (entry.method === 8) return zlib.inflateRawSync(raw);
  throw new Error(`${entry.name} uses compression method ${entry.method}, which is not supported`);
}

/** Unpacks a zip into `dir` (which must exist), keeping execute bits. Names that would leave `dir` are refused. */
export async function extractZip(zipFile: string, dir: string): Promise<void> {
  const zip = await fs.promises.readFile(zipFile);
  const root = path.resolve(dir);
  for (const entry of listZip(zip)) {
    const target = path.resolve(root, entry.name);
    if (target !== root && !target.startsWith(root + path.sep)) throw new Error(`${zipFile}: entry ${entry.name} points outside the folder`);
    if (entry.directory) {
      await fs.promises.mkdir(target, { recursive: true });
      continue;
    }
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    await fs.promises.writeFile(target, readEntry(zip, entry), { mode: entry.mode & 0o111 ? 0o755 : 0o644 });
  }
}

function findEndOfCentralDirectory(zip: Buffer): number {
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--) {
    if (zip.readUInt32LE(at) === 0x06054b50) return at;
  }
  throw new Error('not a zip file (no end of central directory record)');
}
