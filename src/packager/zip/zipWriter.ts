// Writes a zip that AWS Lambda accepts for upload, reproducibly: entries sorted by name, every timestamp
// 1980-01-01 00:00 (the DOS epoch), permissions 0644/0755 (directories 0755), no extra fields, no comments, no data
// descriptors. The same entries always give the same bytes. PKWARE APPNOTE 6.3 §4.3 is the format.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import zlib from 'node:zlib';
import { scanForSecrets, type SecretHit } from '../files/secrets';
import { CompressPool, defaultWorkers } from './compressPool';
import { crc32 } from './crc32';
import type { PreparedData } from './prepare';

export type ZipEntrySource = { file: string; size: number } | { data: Uint8Array };

export interface ZipEntry {
  /** The path inside the zip: `/`-separated, relative; a directory's ends with `/` and has no source. */
  name: string;
  /** Unix permission bits, normally 0o644 or 0o755. */
  mode: number;
  source?: ZipEntrySource;
}

export interface ZipWriteOptions {
  /** Deflate level, default 6 (Info-ZIP's default). */
  level?: number;
  /** Scan contents for AWS secrets (default true). */
  scan?: boolean;
  /** Compression worker threads; default one per core (at most 4), 0 for none. Small zips never start workers. */
  workers?: number;
  /** Files above this size are streamed instead of read whole (default 64 MB; tests lower it). */
  streamAboveBytes?: number;
}

export interface WrittenZip {
  file: string;
  /** Size of the zip file. */
  bytes: number;
  sha256: string;
  entries: number;
  /** Sum of the entries' uncompressed sizes. */
  unzippedBytes: number;
  /** Entries whose content looks like an AWS secret. */
  secrets: { name: string; hits: SecretHit[] }[];
}

const DOS_DATE_1980_01_01 = (0 << 9) | (1 << 5) | 1;
const DOS_TIME_MIDNIGHT = 0;
const VERSION_MADE_BY_UNIX_3_0 = (3 << 8) | 30;
const FLAG_UTF8_NAME = 0x0800;
const MAX_ENTRIES = 0xffff;
const MAX_OFFSET = 0xffffffff;
/** Files above this are streamed through zlib instead of read whole. */
const STREAM_ABOVE_BYTES = 64 * 1024 * 1024;
/** Input read ahead of the writer, at most. */
const WINDOW_BYTES = 64 * 1024 * 1024;
const WINDOW_ENTRIES = 2048;
/** Below these a zip is written on the main thread: starting workers would cost more than it saves. */
const INLINE_MAX_FILES = 64;
const INLINE_MAX_BYTES = 4 * 1024 * 1024;

interface CentralRecord {
  name: Buffer;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  mode: number;
  directory: boolean;
  offset: number;
}

/** A zip that cannot be written from these entries: over the format's limits, or an unreadable file. */
export class ZipError extends Error {}

export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Writes `entries` (in name order, whatever order they come in) to `file`. */
export async function writeZip(file: string, entries: readonly ZipEntry[], options: ZipWriteOptions = {}): Promise<WrittenZip> {
  for (const entry of entries) {
    if (!entry.name || /^\/|\\|(^|\/)\.\.(\/|$)/.test(entry.name) || (entry.name.endsWith('/') !== !entry.source)) {
      throw new Error(`invalid zip entry name '${entry.name}': names are relative, '/'-separated, without '..', and only folders end with '/'`);
    }
  }
  const sorted = [...entries].sort((a, b) => compareNames(a.name, b.name));
  if (sorted.length > MAX_ENTRIES) {
    throw new ZipError(`${sorted.length} entries is over the ${MAX_ENTRIES} a zip without ZIP64 holds — leave files out`);
  }
  const level = options.level ?? 6;
  const scan = options.scan ?? true;
  const fileSources = sorted.filter((entry) => entry.source && 'file' in entry.source);
  const fileBytes = fileSources.reduce((sum, entry) => sum + (entry.source as { size: number }).size, 0);
  const small = fileSources.length <= INLINE_MAX_FILES && fileBytes <= INLINE_MAX_BYTES;
  const pool = new CompressPool({ level, scan, workers: small ? 0 : options.workers ?? defaultWorkers() });
  const handle = await fs.promises.open(file, 'w');
  try {
    const writer = new PositionedWriter(handle);
    const central: CentralRecord[] = [];
    const secrets: WrittenZip['secrets'] = [];
    let unzippedBytes = 0;
    const streamAbove = options.streamAboveBytes ?? STREAM_ABOVE_BYTES;
    const ahead = new ReadAhead(sorted, pool, streamAbove);
    for (let index = 0; index < sorted.length; index++) {
      const entry = sorted[index];
      const name = Buffer.from(entry.name, 'utf8');
      const flags = /[^\x20-\x7e]/.test(entry.name) ? FLAG_UTF8_NAME : 0;
      const offset = writer.position;
      if (offset > MAX_OFFSET) throw new ZipError('the zip is over 4 GB — leave files out');
      const source = entry.source;
      let record: CentralRecord;
      if (!source) {
        record = { name, flags, method: 0, crc: 0, compressedSize: 0, size: 0, mode: entry.mode, directory: true, offset };
        writer.write(localHeader(record));
      } else if ('file' in source && source.size > streamAbove) {
        const streamed = await streamEntry(writer, source.file, { name, flags, mode: entry.mode, offset }, level, scan);
        record = streamed.record;
        if (streamed.secrets.length) secrets.push({ name: entry.name, hits: streamed.secrets });
      } else {
        const prepared = await ahead.take(index).catch((error: NodeJS.ErrnoException) => {
          throw new ZipError(`cannot read ${entry.name}${'file' in source ? ` (${source.file})` : ''}: ${error.code ?? error.message}`);
        });
        record = { name, flags, method: prepared.method, crc: prepared.crc, compressedSize: prepared.data.length, size: prepared.size, mode: entry.mode, directory: false, offset };
        writer.write(localHeader(record));
        writer.write(prepared.data);
        if (prepared.secrets.length) secrets.push({ name: entry.name, hits: prepared.secrets });
      }
      unzippedBytes += record.size;
      central.push(record);
    }
    const centralStart = writer.position;
    for (const record of central) writer.write(centralHeader(record));
    const centralSize = writer.position - centralStart;
    if (writer.position > MAX_OFFSET) throw new ZipError('the zip is over 4 GB — leave files out');
    writer.write(endOfCentralDirectory(central.length, centralSize, centralStart));
    await writer.flush();
    const bytes = writer.position;
    await handle.close();
    return { file, bytes, sha256: await sha256File(file), entries: central.length, unzippedBytes, secrets };
  } catch (error) {
    await handle.close().catch(() => undefined);
    await fs.promises.rm(file, { force: true });
    throw error;
  } finally {
    await pool.close();
  }
}

/** Starts preparing entries ahead of the writer, within a byte and count budget, and hands them out in order. */
class ReadAhead {
  private readonly started = new Map<number, Promise<PreparedData>>();
  private next = 0;
  private aheadBytes = 0;

  constructor(private readonly entries: readonly ZipEntry[], private readonly pool: CompressPool, private readonly streamAbove: number) {}

  take(index: number): Promise<PreparedData> {
    this.fill(index);
    const promise = this.started.get(index) ?? this.start(index);
    this.started.delete(index);
    this.aheadBytes -= sizeOf(this.entries[index]);
    return promise;
  }

  private fill(from: number): void {
    if (this.next < from) this.next = from;
    while (this.next < this.entries.length && this.next - from < WINDOW_ENTRIES && (this.aheadBytes < WINDOW_BYTES || this.next === from)) {
      const index = this.next++;
      const source = this.entries[index].source;
      if (!source || ('file' in source && source.size > this.streamAbove)) continue;
      this.started.set(index, this.start(index));
    }
  }

  private start(index: number): Promise<PreparedData> {
    const source = this.entries[index].source;
    if (!source) throw new Error(`entry ${this.entries[index].name} has no content`);
    this.aheadBytes += sizeOf(this.entries[index]);
    if ('data' in source) {
      const data = source.data;
      return new Promise((resolve) => resolve(this.pool.prepareBuffer(data)));
    }
    const promise = this.pool.prepareFile(source.file, source.size);
    promise.catch(() => undefined); // awaited (and reported) when its turn comes
    return promise;
  }
}

function sizeOf(entry: ZipEntry): number {
  const source = entry.source;
  if (!source) return 0;
  return 'file' in source ? source.size : source.data.length;
}

/** Buffers small writes and writes them in one call at the file position it keeps. */
class PositionedWriter {
  position = 0;
  private buffers: Uint8Array[] = [];
  private buffered = 0;
  private flushedTo = 0;
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly handle: fs.promises.FileHandle) {}

  write(data: Uint8Array): void {
    this.buffers.push(data);
    this.buffered += data.length;
    this.position += data.length;
    if (this.buffered >= 1 << 20) this.startFlush();
  }

  async flush(): Promise<void> {
    this.startFlush();
    await this.writing;
  }

  /** Overwrites bytes already written (a streamed entry's header, once its sizes are known). */
  async patch(data: Uint8Array, at: number): Promise<void> {
    await this.flush();
    await this.handle.write(data, 0, data.length, at);
  }

  /** Forgets everything after `at` (a streamed entry that is rewritten stored). */
  async rewindTo(at: number): Promise<void> {
    await this.flush();
    await this.handle.truncate(at);
    this.position = at;
    this.flushedTo = at;
  }

  private startFlush(): void {
    if (this.buffers.length === 0) return;
    const buffers = this.buffers;
    const at = this.flushedTo;
    this.flushedTo += this.buffered;
    this.buffers = [];
    this.buffered = 0;
    this.writing = this.writing.then(() => writeAll(this.handle, buffers, at));
  }
}

async function writeAll(handle: fs.promises.FileHandle, buffers: Uint8Array[], at: number): Promise<void> {
  let position = at;
  let remaining = buffers;
  while (remaining.length) {
    const { bytesWritten } = await handle.writev(remaining, position);
    position += bytesWritten;
    let skip = bytesWritten;
    while (remaining.length && skip >= remaining[0].length) {
      skip -= remaining[0].length;
      remaining = remaining.slice(1);
    }
    if (skip > 0) remaining = [remaining[0].subarray(skip), ...remaining.slice(1)];
  }
}

/**
 * A large file goes through a zlib stream chunk by chunk: header first (sizes patched in afterwards), then the
 * deflated bytes; when deflate does not make it smaller it is written again, stored. The secret scan sees chunks
 * overlapping by a little more than the longest match.
 */
async function streamEntry(
  writer: PositionedWriter,
  file: string,
  at: { name: Buffer; flags: number; mode: number; offset: number },
  level: number,
  scan: boolean,
): Promise<{ record: CentralRecord; secrets: SecretHit[] }> {
  const record: CentralRecord = { ...at, method: 8, crc: 0, compressedSize: 0, size: 0, directory: false };
  writer.write(localHeader(record));
  const dataStart = writer.position;
  const deflate = zlib.createDeflateRaw({ level });
  const secrets = new Map<string, SecretHit>();
  let tail = '';
  let linesBefore = 0;
  const output = (async () => {
    for await (const chunk of deflate) {
      writer.write(chunk as Buffer);
      record.compressedSize += (chunk as Buffer).length;
    }
  })();
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 })) {
    const bytes = chunk as Buffer;
    record.crc = crc32(bytes, record.crc);
    record.size += bytes.length;
    if (scan) {
      const text = tail + bytes.toString('latin1');
      for (const hit of scanForSecrets(text)) {
        const line = hit.line + linesBefore;
        secrets.set(`${line}:${hit.masked}`, { ...hit, line });
      }
      tail = text.slice(-256);
      linesBefore += countLines(text.slice(0, text.length - tail.length));
    }
    if (!deflate.write(bytes)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await output;
  if (record.compressedSize >= record.size) {
    await writer.rewindTo(dataStart);
    record.method = 0;
    record.compressedSize = record.size;
    for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 })) writer.write(chunk as Buffer);
  }
  await writer.patch(localHeader(record), record.offset);
  return { record, secrets: [...secrets.values()] };
}

function countLines(text: string): number {
  let lines = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}

function localHeader(record: CentralRecord): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(record.method === 8 ? 20 : 10, 4);
  header.writeUInt16LE(record.flags, 6);
  header.writeUInt16LE(record.method, 8);
  header.writeUInt16LE(DOS_TIME_MIDNIGHT, 10);
  header.writeUInt16LE(DOS_DATE_1980_01_01, 12);
  header.writeUInt32LE(record.crc >>> 0, 14);
  header.writeUInt32LE(record.compressedSize, 18);
  header.writeUInt32LE(record.size, 22);
  header.writeUInt16LE(record.name.length, 26);
  header.writeUInt16LE(0, 28);
  return Buffer.concat([header, record.name]);
}

function centralHeader(record: CentralRecord): Buffer {
  const header = Buffer.alloc(46);
  header.writeUInt32LE(0x02014b50, 0);
  header.writeUInt16LE(VERSION_MADE_BY_UNIX_3_0, 4);
  header.writeUInt16LE(record.method === 8 ? 20 : 10, 6);
  header.writeUInt16LE(record.flags, 8);
  header.writeUInt16LE(record.method, 10);
  header.writeUInt16LE(DOS_TIME_MIDNIGHT, 12);
  header.writeUInt16LE(DOS_DATE_1980_01_01, 14);
  header.writeUInt32LE(record.crc >>> 0, 16);
  header.writeUInt32LE(record.compressedSize, 20);
  header.writeUInt32LE(record.size, 24);
  header.writeUInt16LE(record.name.length, 28);
  // extra field length, comment length, disk number start, internal attributes: all 0
  const unixMode = (record.directory ? 0o040000 : 0o100000) | (record.mode & 0o777);
  header.writeUInt32LE(((unixMode << 16) >>> 0) + (record.directory ? 0x10 : 0), 38);
  header.writeUInt32LE(record.offset, 42);
  return Buffer.concat([header, record.name]);
}

function endOfCentralDirectory(entries: number, size: number, offset: number): Buffer {
  const record = Buffer.alloc(22);
  record.writeUInt32LE(0x06054b50, 0);
  record.writeUInt16LE(entries, 8);
  record.writeUInt16LE(entries, 10);
  record.writeUInt32LE(size, 12);
  record.writeUInt32LE(offset, 16);
  return record;
}

async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
