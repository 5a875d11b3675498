// The value transformations of SAM's generate-event (samcli/lib/generated_sample_events/events.py), redone in Node.
import { createHash } from 'node:crypto';

/**
 * Python's `urllib.parse.quote(value)` with its default `safe='/'`: UTF-8 percent-encoding that leaves
 * letters, digits, `_.-~` and `/` alone. encodeURIComponent also leaves `!'()*` alone and encodes `/`.
 */
export function pythonUrlQuote(value: string): string {
  return encodeURIComponent(value)
    .replace(/%2F/g, '/')
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Standard base64 (with padding) of the UTF-8 bytes. */
export function base64Utf8(value: string): string {
  return Buffer.from(value, 'utf8').toString('base64');
}

/** Lower-case hex md5 of the UTF-8 bytes (SAM's str_checksum; also SQS's MD5OfBody). */
export function md5Hex(value: string | Buffer): string {
  return createHash('md5').update(value).digest('hex');
}

/** What the mustache renderer SAM uses (chevron) does to `{{double}}` tags: escape & " < >. */
export function htmlEscape(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
