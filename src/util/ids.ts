// Identifiers for requests, log streams and traces. Unique, not secret, so Math.random serves: loading node:crypto
// costs a cold CLI invoke several milliseconds.

const HEX = '0123456789abcdef';

/** `n` random hexadecimal digits, eight at a time (a string per digit made every invoke's ids a kilobyte of garbage). */
export function randomHex(n: number): string {
  let out = '';
  while (out.length < n) out += (((Math.random() * 0x100000000) >>> 0) + 0x100000000).toString(16).slice(1);
  return out.length === n ? out : out.slice(0, n);
}

/** A version 4 UUID, the shape of Lambda's request ids. */
export function uuid(): string {
  const variant = HEX[8 + ((Math.random() * 4) | 0)];
  return `${randomHex(8)}-${randomHex(4)}-4${randomHex(3)}-${variant}${randomHex(3)}-${randomHex(12)}`;
}

/** A stable 64-digit hex digest of a label (FNV-1a, eight rounds): for names that must look like a SHA-256 and stay put. */
export function stableHex64(label: string): string {
  let out = '';
  for (let round = 0; round < 8; round++) {
    let hash = 0x811c9dc5 ^ round;
    for (let i = 0; i < label.length; i++) {
      hash ^= label.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    out += hash.toString(16).padStart(8, '0');
  }
  return out;
}
