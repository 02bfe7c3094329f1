import { jsonText } from '../../datasources/v41/json-text';

/** What `Response.text()` then `JSON.parse` gives: the value (with its key order) or that it throws. */
type Parsed = { value: unknown; order: string } | 'SyntaxError';

function parsed(text: () => string): Parsed {
  try {
    const value: unknown = JSON.parse(text());
    return { value, order: JSON.stringify(value) };
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    return 'SyntaxError';
  }
}

const viaTextDecoder = (bytes: Uint8Array) => parsed(() => new TextDecoder().decode(bytes));
const viaJsonText = (bytes: Uint8Array) => parsed(() => jsonText(bytes));

const utf8 = (text: string) => Buffer.from(text, 'utf8');
const concat = (...parts: (string | number[])[]) => Buffer.concat(parts.map((part) => (typeof part === 'string' ? utf8(part) : Buffer.from(part))));

/** Raw byte sequences a body may carry inside a string: valid UTF-8 of every length, and invalid ones. */
const RAW = {
  'é (2 bytes)': utf8('é'),
  '€ (3 bytes)': utf8('€'),
  '😀 (4 bytes)': utf8('😀'),
  'Zoë Ångström-Łukasz 山田 🧑‍💻': utf8('Zoë Ångström-Łukasz 山田 🧑‍💻'),
  'U+FEFF inside': utf8('\ufeff'),
  'lone continuation 0x80': Buffer.from([0x80]),
  '0xff': Buffer.from([0xff]),
  'overlong C0 80': Buffer.from([0xc0, 0x80]),
  'overlong E0 80 AF': Buffer.from([0xe0, 0x80, 0xaf]),
  'encoded surrogate ED A0 80': Buffer.from([0xed, 0xa0, 0x80]),
  'truncated € E2 82': Buffer.from([0xe2, 0x82]),
  'truncated 😀 F0 9F 98': Buffer.from([0xf0, 0x9f, 0x98]),
  'beyond U+10FFFF F4 90 80 80': Buffer.from([0xf4, 0x90, 0x80, 0x80]),
  'F5 lead': Buffer.from([0xf5, 0x80, 0x80, 0x80]),
} as const;

describe('jsonText: the body parsed as Response.text() + JSON.parse would parse it', () => {
  it.each(Object.entries(RAW))('%s, in a value and in a key', (_name, raw) => {
    for (const bytes of [
      concat('{"name":"a', [...raw], 'b","n":1}'),
      concat('{"', [...raw], '":"v","k":["', [...raw], '",', '"', [...raw], [...raw], '"]}'),
      concat('["', [...raw], '\\n', [...raw], '"]'),
      concat('["x\\u00e9', [...raw], '\\ud83d\\ude00', [...raw], '\\u20ac"]'),
    ]) {
      const expected = viaTextDecoder(bytes);
      expect(expected).not.toBe('SyntaxError');
      expect(viaJsonText(bytes)).toEqual(expected);
    }
  });

  it.each([
    ['a leading BOM is dropped', concat([0xef, 0xbb, 0xbf], '{"a":"é"}')],
    ['a leading BOM on an ASCII body', concat([0xef, 0xbb, 0xbf], '{"a":1}')],
    ['a second BOM is not', concat([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf], '{"a":1}')],
    ['a BOM inside a string stays', concat('{"a":"', [0xef, 0xbb, 0xbf], '"}')],
    ['an escaped backslash before raw bytes', concat('["\\\\', [...RAW['é (2 bytes)']], '"]')],
    ['a backslash escaping raw bytes', concat('["\\', [...RAW['é (2 bytes)']], '"]')],
    ['three backslashes before raw bytes', concat('["\\\\\\', [...RAW['€ (3 bytes)']], '"]')],
    ['raw bytes inside a \\u escape', concat('["\\u00', [...RAW['é (2 bytes)']], '"]')],
    ['raw bytes between tokens', concat('{"a":1,', [...RAW['é (2 bytes)']], '"b":2}')],
    ['raw bytes in a number', concat('[1', [0xc3, 0xa9], ']')],
    ['raw bytes as the whole body', Buffer.from([0xc3, 0xa9])],
    ['a duplicate key made by replacement characters', concat('{"', [0xff], '":1,"a":2,"', [0xfe], '":3}')],
    ['an escaped and a raw é as keys', concat('{"\\u00e9":1,"', [0xc3, 0xa9], '":2}')],
    ['an empty body', Buffer.alloc(0)],
    ['an HTML error page', concat('<html>Bad gateway – é</html>')],
  ])('%s', (_name, bytes) => {
    expect(viaJsonText(bytes)).toEqual(viaTextDecoder(bytes));
  });

  it('reads a slice of a larger buffer by its own bounds', () => {
    const whole = concat('xx["é"]yy');
    expect(JSON.parse(jsonText(whole.subarray(2, whole.length - 2)))).toEqual(['é']);
  });

  describe('on generated bodies', () => {
    /** Deterministic (mulberry32), so a failure names a seed that reproduces it. */
    function random(seed: number): () => number {
      let state = seed >>> 0;
      return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      };
    }

    const PIECES: Buffer[] = [
      ...Object.values(RAW),
      ...['a', 'Z9 ', '\\n', '\\"', '\\\\', '\\/', '\\u00e9', '\\u20AC', '\\ud83d\\ude00', '\\ud800', '\\udfff', '\\u0000', '\\', '\\u'].map(utf8),
    ];

    function body(next: () => number): Buffer {
      const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
      const text = () => Buffer.concat(Array.from({ length: Math.floor(next() * 6) }, () => pick(PIECES)));
      const value = (depth: number): Buffer => {
        const kind = depth > 2 ? 0 : Math.floor(next() * 3);
        if (kind === 1) return concat('[', ...Array.from({ length: Math.floor(next() * 4) }, (_, i) => [...(i ? utf8(',') : []), ...value(depth + 1)]), ']');
        if (kind === 2) {
          const entries = Array.from({ length: Math.floor(next() * 4) }, (_, i) => concat(i ? ',"' : '"', [...text()], '":', [...value(depth + 1)]));
          return Buffer.concat([utf8('{'), ...entries, utf8('}')]);
        }
        return concat('"', [...text()], '"');
      };
      const bytes = Buffer.from(value(0));
      // Now and then one byte anywhere: into the structure, between tokens, into an escape.
      if (next() < 0.3 && bytes.length > 0) bytes[Math.floor(next() * bytes.length)] = pick([0x80, 0xc3, 0xe2, 0xff, 0x5c, 0x22]);
      return next() < 0.1 ? concat([0xef, 0xbb, 0xbf], [...bytes]) : bytes;
    }

    it('agree on 3,000 bodies, valid and not', () => {
      let valid = 0;
      for (let seed = 1; seed <= 3000; seed++) {
        const bytes = body(random(seed));
        const expected = viaTextDecoder(bytes);
        if (expected !== 'SyntaxError') valid++;
        if (JSON.stringify(viaJsonText(bytes)) !== JSON.stringify(expected)) {
          expect({ seed, body: bytes.toString('hex'), got: viaJsonText(bytes) }).toEqual({ seed, body: bytes.toString('hex'), got: expected });
        }
      }
      // Both kinds are exercised, not only syntax errors.
      expect(valid).toBeGreaterThan(1000);
      expect(valid).toBeLessThan(2900);
    });
  });
});
