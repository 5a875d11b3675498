// Memory of an environment: the resident set of its whole process tree, read from /proc (Linux).
import fs from 'node:fs';

const PAGE_SIZE = 4096;
const MB = 1024 * 1024;

/** The pids of `pid` and all its descendants. */
export function processTree(pid: number): number[] {
  const pids = [pid];
  for (let i = 0; i < pids.length; i++) {
    let children: string;
    try {
      children = fs.readFileSync(`/proc/${pids[i]}/task/${pids[i]}/children`, 'latin1');
    } catch {
      continue;
    }
    for (const child of children.split(' ')) if (child) pids.push(Number(child));
  }
  return pids;
}

/** Current resident memory of the tree in bytes (cheap: /proc/<pid>/statm). */
export function residentBytes(pid: number): number {
  let total = 0;
  for (const p of processTree(pid)) {
    try {
      const statm = fs.readFileSync(`/proc/${p}/statm`, 'latin1');
      total += Number(statm.split(' ')[1]) * PAGE_SIZE;
    } catch {
      // The process ended between listing and reading.
    }
  }
  return total;
}

/** Peak resident memory (VmHWM) summed over the tree, in MB rounded up, as Lambda reports "Max Memory Used". */
export function peakResidentMB(pid: number): number {
  let kb = 0;
  for (const p of processTree(pid)) {
    try {
      const status = fs.readFileSync(`/proc/${p}/status`, 'latin1');
      const match = /VmHWM:\s+(\d+) kB/.exec(status);
      if (match) kb += Number(match[1]);
    } catch {
      // The process ended between listing and reading.
    }
  }
  return Math.ceil((kb * 1024) / MB);
}
