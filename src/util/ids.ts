// Identifiers for requests, log streams and traces. Unique, not secret, so Math.random serves: loading node:crypto
// costs a cold CLI invoke several milliseconds.

const HEX_CODES = Buffer.from('0123456789abcdef', 'latin1');
/** Where ids are spelled out, a character code at a time, then read as one string: every invoke makes several. */
const spelling = Buffer.alloc(64);

/** Fills spelling[0, n) with random hexadecimal digits, eight from each 32-bit random number. */
function spellRandomHex(n: number): void {
  for (let i = 0; i < n; i += 8) {
    let bits = (Math.random() * 0x100000000) >>> 0;
    const end = Math.min(n, i + 8);
    for (let j = i; j < end; j++) {
      spelling[j] = HEX_CODES[bits & 15];
      bits >>>= 4;
    }
  }
}

/**
 * `n` random hexadecimal digits. Spelled into a buffer and read once: made of number-to-hex strings, an invoke's ids
 * cost ~8 µs of the runner's time (and more garbage), a fifth of that this way.
 */
export function randomHex(n: number): string {
  let out = '';
  for (let done = 0; done < n; done += spelling.length) {
    const count = Math.min(spelling.length, n - done);
    spellRandomHex(count);
    out += spelling.toString('latin1', 0, count);
  }
  return out;
}

/** A version 4 UUID, the shape of Lambda's request ids. */
export function uuid(): string {
  spellRandomHex(36);
  spelling[8] = spelling[13] = spelling[18] = spelling[23] = 0x2d; // -
  spelling[14] = 0x34; // version 4
  spelling[19] = HEX_CODES[8 + ((Math.random() * 4) | 0)]; // variant 10xx
  return spelling.toString('latin1', 0, 36);
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
