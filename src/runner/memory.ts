// Memory of an environment: the resident set of its whole process tree, read from /proc (Linux).
// The main process's /proc files stay open and are re-read in place, which keeps a warm invoke cheap.
import fs from 'node:fs';

const PAGE_SIZE = 4096;
const MB = 1024 * 1024;
const scratch = Buffer.alloc(4096);

/** The bytes of an open /proc file, re-read in place (a view of the shared scratch buffer: use it at once). */
function bytesAt(fd: number): Buffer {
  return scratch.subarray(0, fs.readSync(fd, scratch, 0, scratch.length, 0));
}

function bytesOf(path: string): Buffer | undefined {
  try {
    return fs.readFileSync(path);
  } catch {
    return undefined; // the process ended between listing and reading
  }
}

const readAt = (fd: number) => bytesAt(fd).toString('latin1');
const readFile = (path: string) => bytesOf(path)?.toString('latin1');

function openOrUndefined(path: string): number | undefined {
  try {
    return fs.openSync(path, 'r');
  } catch {
    return undefined;
  }
}

const VM_HWM = Buffer.from('VmHWM:');

/** VmHWM, in kB, from the bytes of a /proc/<pid>/status: parsed in place, without a string of the file (every invoke). */
function hwmKb(status: Buffer | undefined): number {
  if (!status) return 0;
  let at = status.indexOf(VM_HWM);
  if (at === -1) return 0;
  at += VM_HWM.length;
  while (status[at] === 0x20 || status[at] === 0x09) at++;
  let kb = 0;
  while (status[at] >= 0x30 && status[at] <= 0x39) kb = kb * 10 + status[at++] - 0x30;
  return kb;
}

const parsePids = (list: string | undefined) => (list ?? '').split(' ').filter((p) => p.trim()).map(Number);
const rssBytes = (statm: string | undefined) => Number(statm?.split(' ')[1] ?? 0) * PAGE_SIZE;

export class ProcessTreeMemory {
  private readonly statusFd?: number;
  private readonly statmFd?: number;
  private readonly childrenFd?: number;

  constructor(pid: number) {
    this.statusFd = openOrUndefined(`/proc/${pid}/status`);
    this.statmFd = openOrUndefined(`/proc/${pid}/statm`);
    this.childrenFd = openOrUndefined(`/proc/${pid}/task/${pid}/children`);
  }

  /** Descendants of the main process (not the process itself), breadth first. */
  private descendants(): number[] {
    if (this.childrenFd === undefined) return [];
    const pids = parsePids(readAt(this.childrenFd));
    for (let i = 0; i < pids.length; i++) pids.push(...parsePids(readFile(`/proc/${pids[i]}/task/${pids[i]}/children`)));
    return pids;
  }

  /** Current resident memory of the tree, in bytes. */
  residentBytes(): number {
    try {
      let total = this.statmFd === undefined ? 0 : rssBytes(readAt(this.statmFd));
      for (const child of this.descendants()) total += rssBytes(readFile(`/proc/${child}/statm`));
      return total;
    } catch {
      return 0;
    }
  }

  /** Peak resident memory (VmHWM) summed over the tree, in MB rounded up: Lambda's "Max Memory Used". */
  peakMB(): number {
    try {
      let kb = this.statusFd === undefined ? 0 : hwmKb(bytesAt(this.statusFd));
      for (const child of this.descendants()) kb += hwmKb(bytesOf(`/proc/${child}/status`));
      return Math.ceil((kb * 1024) / MB);
    } catch {
      return 0;
    }
  }

  close(): void {
    for (const fd of [this.statusFd, this.statmFd, this.childrenFd]) {
      if (fd === undefined) continue;
      try {
        fs.closeSync(fd);
      } catch {
        // already closed
      }
    }
  }
}
