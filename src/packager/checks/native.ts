// Native code that cannot run on the function's Lambda: `.node` addons and `.so` libraries built for another CPU
// (ELF e_machine), another OS (Mach-O, PE), or — for CPython extensions — another Python version.
import fs from 'node:fs';
import type { Architecture } from '../../model/types';

export interface NativeFile {
  /** Path inside the zip. */
  name: string;
  /** The first bytes of the file (64 are plenty). */
  head: Uint8Array;
}

const ELF_MACHINES: Record<number, string> = { 3: 'x86 (32-bit)', 40: 'ARM (32-bit)', 62: 'x86_64', 183: 'arm64' };

export function isNativeName(name: string): boolean {
  return /\.node$|\.so(\.\d+)*$/.test(name);
}

/** The first bytes of a file on disk. */
export function readHead(file: string): Uint8Array {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(64);
    const read = fs.readSync(fd, head, 0, 64, 0);
    return head.subarray(0, read);
  } finally {
    fs.closeSync(fd);
  }
}

/** One warning per file that cannot load on `architecture` (and, for CPython extensions, `runtime`). */
export function nativeMismatches(files: NativeFile[], architecture: Architecture, runtime: string | undefined): string[] {
  const warnings: string[] = [];
  const wantedPython = /^python3\.(\d+)$/.exec(runtime ?? '')?.[1];
  for (const file of files) {
    const built = describeBinary(file.head);
    if (built && built !== architecture) {
      warnings.push(`${file.name} is built for ${built}, but the function runs on Linux ${architecture} (Architectures) — install or build it for linux-${architecture === 'arm64' ? 'arm64' : 'x64'}`);
      continue;
    }
    const tag = /\.cpython-3(\d+)/.exec(file.name)?.[1];
    if (wantedPython && tag && tag !== wantedPython) {
      warnings.push(`${file.name} is a CPython 3.${tag} extension, but the runtime is ${runtime} — install the package for Python 3.${wantedPython}`);
    }
  }
  return warnings;
}

/** `x86_64`, `arm64`, another CPU, `macOS`, `Windows`, or undefined when it is not a binary we know. */
function describeBinary(head: Uint8Array): string | undefined {
  if (head.length >= 20 && head[0] === 0x7f && head[1] === 0x45 && head[2] === 0x4c && head[3] === 0x46) {
    const littleEndian = head[5] === 1;
    const machine = littleEndian ? head[18] | (head[19] << 8) : (head[18] << 8) | head[19];
    return ELF_MACHINES[machine] ?? `ELF machine ${machine}`;
  }
  if (head.length >= 4) {
    const magic = ((head[0] << 24) | (head[1] << 16) | (head[2] << 8) | head[3]) >>> 0;
    if ([0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe, 0xcafebabe].includes(magic)) return 'macOS';
  }
  if (head.length >= 2 && head[0] === 0x4d && head[1] === 0x5a) return 'Windows';
  return undefined;
}
