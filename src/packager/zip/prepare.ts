// One entry's bytes as they go into the zip: checksum, deflate (or store when deflate does not help, as Info-ZIP
// does) and the secret scan. Self-contained, like scanForSecrets: the workers run it from its source text.
import type { SecretHit } from '../files/secrets';

export interface PreparedData {
  crc: number;
  size: number;
  /** 0 stored, 8 deflated. */
  method: 0 | 8;
  data: Uint8Array;
  secrets: SecretHit[];
}

export interface PrepareTools {
  deflateRawSync: (data: Uint8Array, options: { level: number; windowBits: number }) => Uint8Array;
  crc32: (data: Uint8Array) => number;
  scan: (text: string) => SecretHit[];
}

export function prepareData(data: Uint8Array, level: number, scan: boolean, tools: PrepareTools): PreparedData {
  const crc = tools.crc32(data);
  const secrets = scan ? tools.scan(Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('latin1')) : [];
  if (level > 0 && data.length > 0) {
    // A window no larger than the data (plus zlib's 262-byte lookahead) finds the same matches and costs far less
    // to set up, which is most of the work for a small file.
    let windowBits = 9;
    while (windowBits < 15 && 1 << windowBits < data.length + 262) windowBits++;
    const deflated = tools.deflateRawSync(data, { level, windowBits });
    if (deflated.length < data.length) return { crc, size: data.length, method: 8, data: deflated, secrets };
  }
  return { crc, size: data.length, method: 0, data, secrets };
}
