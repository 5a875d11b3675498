// Memory of an environment: the resident set of its whole process tree, read from /proc (Linux).
// The main process's /proc files stay open and are re-read in place, which keeps a warm invoke cheap.
import fs from 'node:fs';

const PAGE_SIZE = 4096;
const MB = 1024 * 1024;
const scratch = Buffer.alloc(4096);

function readAt(fd: number): string {
  const n = fs.readSync(fd, scratch, 0, scratch.length, 0);
  return scratch.toString('latin1', 0, n);
}

function readFile(path: string): string | undefined {
  try {
    return fs.readFileSync(path, 'latin1');
  } catch {
    return undefined; // the process ended between listing and reading
  }
}

function openOrUndefined(path: string): number | undefined {
  try {
    return fs.openSync(path, 'r');
  } catch {
    return undefined;
  }
}

const VM_HWM = Buffer.from('VmHWM:');

/** VmHWM of an open /proc/<pid>/status, read without making a string of the file (this runs at every invoke). */
function hwmKbAt(fd: number): number {
  const n = fs.readSync(fd, scratch, 0, scratch.length, 0);
  let at = scratch.indexOf(VM_HWM);
  if (at === -1 || at >= n) return 0;
  at += VM_HWM.length;
  while (at < n && (scratch[at] === 0x20 || scratch[at] === 0x09)) at++;
  let kb = 0;
  while (at < n && scratch[at] >= 0x30 && scratch[at] <= 0x39) kb = kb * 10 + scratch[at++] - 0x30;
  return kb;
}

const parsePids = (list: string | undefined) => (list ?? '').split(' ').filter((p) => p.trim()).map(Number);
const hwmKb = (status: string | undefined) => Number(/VmHWM:\s+(\d+) kB/.exec(status ?? '')?.[1] ?? 0);
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
      let kb = this.statusFd === undefined ? 0 : hwmKbAt(this.statusFd);
      for (const child of this.descendants()) kb += hwmKb(readFile(`/proc/${child}/status`));
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
