// CRC-32 (the zip checksum). Node 20.15+ and 22.2+ have it natively; VS Code's older Electron may not.
import zlib from 'node:zlib';

type Crc32 = (data: Uint8Array, initial?: number) => number;

let table: Int32Array | undefined;

function crc32InJs(data: Uint8Array, initial = 0): number {
  if (!table) {
    table = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c;
    }
  }
  let crc = ~initial;
  for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return ~crc >>> 0;
}

export const crc32: Crc32 = (zlib as { crc32?: Crc32 }).crc32 ?? crc32InJs;
