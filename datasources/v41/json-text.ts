import { isAscii } from 'node:buffer';

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;
/** Keeps a U+FEFF inside a run: only the body's leading BOM is dropped, as `Response.text()` drops it. */
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });
const NON_ASCII_RUN = /[\x80-\xff]+/g;

function hasBom(bytes: Uint8Array): boolean {
  return bytes[0] === UTF8_BOM[0] && bytes[1] === UTF8_BOM[1] && bytes[2] === UTF8_BOM[2];
}

/** The run decoded as UTF-8 (invalid bytes become U+FFFD, as in `TextDecoder`), written as `\uXXXX` escapes. */
function escaped(run: string): string {
  const text = utf8.decode(Buffer.from(run, 'latin1'));
  let out = '';
  for (let i = 0; i < text.length; i++) out += `\\u${text.charCodeAt(i).toString(16).padStart(4, '0')}`;
  return out;
}

function escapeRun(run: string, offset: number, source: string): string {
  let backslashes = 0;
  while (offset - backslashes > 0 && source.charCodeAt(offset - backslashes - 1) === 0x5c) backslashes++;
  // After an odd number of backslashes the run itself follows `\`: no valid JSON escape, and a `\u` there would
  // make one. Raw, it stays the syntax error it is when decoded as a whole.
  return backslashes % 2 === 1 ? utf8.decode(Buffer.from(run, 'latin1')) : escaped(run);
}

/**
 * A response body as text for `JSON.parse`, which parses it to exactly what it gives for the body decoded as
 * UTF-8 (`Response.text()`: leading BOM dropped, invalid bytes as U+FFFD), and fails where that fails.
 *
 * Why not `Response.text()`: one non-ASCII byte makes the whole decoded body a two-byte string, and the ~105 KB
 * users page, with about 100 such bytes in names, then took 1.2 ms to decode (an all-ASCII one 0.02 ms). Here the
 * body is read as latin1 (one byte, one char: a copy), and each run of non-ASCII bytes is decoded alone and
 * written as `\u` escapes. A run cannot start or end inside a UTF-8 sequence, as ASCII bytes never belong to one,
 * so decoding the runs one by one gives what decoding the whole body gives; and an escape stands for its
 * characters wherever raw ones are valid JSON (inside a string), and is as invalid as they are anywhere else.
 */
export function jsonText(bytes: Uint8Array): string {
  const body = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const start = hasBom(body) ? UTF8_BOM.length : 0;
  const latin1 = body.toString('latin1', start);
  return isAscii(body) ? latin1 : latin1.replace(NON_ASCII_RUN, escapeRun);
}
