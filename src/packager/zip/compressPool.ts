// Reads, checksums, deflates and scans files on worker threads, so a package of thousands of files uses every core
// (Info-ZIP's `zip` is one thread; a zlib stream object per file on the main thread is three times slower than it).
// Small jobs are sent in batches: one message per file would cost more than deflating a 2 KB file.
import fs from 'node:fs';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import zlib from 'node:zlib';
import { scanForSecrets } from '../files/secrets';
import { crc32 } from './crc32';
import { prepareData, type PreparedData, type PrepareTools } from './prepare';

interface Job {
  id: number;
  path: string;
  size: number;
  resolve: (prepared: PreparedData) => void;
  reject: (error: Error) => void;
}

type WorkerReply = { id: number; prepared?: PreparedData; error?: string; code?: string };

interface WorkerSlot {
  worker: Worker;
  jobs: Map<number, Job>;
  /** Bytes of input sent and not yet answered. */
  bytes: number;
}

const BATCH_FILES = 64;
const BATCH_BYTES = 1 << 20;

// The worker's whole program. The functions it runs are the very ones the main thread uses (their source text).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const zlib = require('node:zlib');
const scan = (${scanForSecrets.toString()});
const prepare = (${prepareData.toString()});
const crcInJs = ${'(' + String(workerCrcFallback) + ')()'};
const tools = { deflateRawSync: zlib.deflateRawSync, crc32: zlib.crc32 || crcInJs, scan };
parentPort.on('message', (jobs) => {
  const replies = [];
  for (const job of jobs) {
    try {
      replies.push({ id: job.id, prepared: prepare(fs.readFileSync(job.path), workerData.level, workerData.scan, tools) });
    } catch (error) {
      replies.push({ id: job.id, error: error.message, code: error.code });
    }
  }
  parentPort.postMessage(replies);
});
`;

/** A CRC-32 in plain JS for workers on a Node without zlib.crc32 (self-contained: it is sent as source text). */
function workerCrcFallback(): (data: Uint8Array) => number {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return (data) => {
    let crc = -1;
    for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
    return ~crc >>> 0;
  };
}

export const mainThreadTools: PrepareTools = {
  deflateRawSync: (data, options) => zlib.deflateRawSync(data, options),
  crc32: (data) => crc32(data),
  scan: scanForSecrets,
};

export interface PoolOptions {
  /** Deflate level, 0–9 (Info-ZIP's default is 6). */
  level: number;
  /** Whether to scan contents for AWS secrets. */
  scan: boolean;
  /** Worker threads; 0 prepares everything on the main thread. */
  workers: number;
}

/** The default number of compression workers: one per core, at most four. */
export function defaultWorkers(): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(4, cores));
}

export class CompressPool {
  private readonly workers: WorkerSlot[] = [];
  private pending: Job[] = [];
  private flushScheduled = false;
  private nextId = 0;

  constructor(private readonly options: PoolOptions) {
    for (let i = 0; i < options.workers; i++) {
      const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { level: options.level, scan: options.scan } });
      const slot: WorkerSlot = { worker, jobs: new Map<number, Job>(), bytes: 0 };
      worker.on('message', (replies: WorkerReply[]) => this.settle(slot, replies));
      worker.on('error', (error) => this.failAll(slot, error));
      this.workers.push(slot);
    }
  }

  /** Prepares one file (read, checksum, deflate, scan) on a worker, or here when the pool has none. */
  prepareFile(file: string, size: number): Promise<PreparedData> {
    if (this.workers.length === 0) {
      return fs.promises.readFile(file).then((data) => prepareData(data, this.options.level, this.options.scan, mainThreadTools));
    }
    return new Promise((resolve, reject) => {
      this.pending.push({ id: this.nextId++, path: file, size, resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Prepares bytes already in memory (bundles, generated files) on this thread. */
  prepareBuffer(data: Uint8Array): PreparedData {
    return prepareData(data, this.options.level, this.options.scan, mainThreadTools);
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((slot) => slot.worker.terminate()));
    this.workers.length = 0;
  }

  // Each batch goes to the worker with the fewest bytes outstanding, so one large file does not hold up the rest.
  private flush(): void {
    this.flushScheduled = false;
    const jobs = this.pending;
    this.pending = [];
    let batch: Job[] = [];
    let batchBytes = 0;
    const send = () => {
      if (batch.length === 0) return;
      const slot = this.workers.reduce((a, b) => (b.bytes < a.bytes ? b : a));
      for (const job of batch) slot.jobs.set(job.id, job);
      slot.bytes += batchBytes;
      slot.worker.postMessage(batch.map((job) => ({ id: job.id, path: job.path })));
      batch = [];
      batchBytes = 0;
    };
    for (const job of jobs) {
      batch.push(job);
      batchBytes += job.size;
      if (batch.length >= BATCH_FILES || batchBytes >= BATCH_BYTES) send();
    }
    send();
  }

  private settle(slot: WorkerSlot, replies: WorkerReply[]): void {
    for (const reply of replies) {
      const job = slot.jobs.get(reply.id);
      if (!job) continue;
      slot.jobs.delete(reply.id);
      slot.bytes -= job.size;
      if (reply.prepared) {
        const prepared = reply.prepared;
        // Structured clone hands back plain Uint8Arrays; the writer wants Buffers.
        job.resolve({ ...prepared, data: Buffer.from(prepared.data.buffer, prepared.data.byteOffset, prepared.data.byteLength) });
      } else {
        const error = new Error(reply.error ?? 'cannot read the file') as NodeJS.ErrnoException;
        if (reply.code) error.code = reply.code;
        job.reject(error);
      }
    }
  }

  private failAll(slot: WorkerSlot, error: Error): void {
    for (const job of slot.jobs.values()) job.reject(error);
    slot.jobs.clear();
  }
}
