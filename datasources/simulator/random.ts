/**
 * A small seeded PRNG (mulberry32) with the helpers the demo data needs. Deterministic on purpose: the same
 * seed yields the same data set and the same failure sequence on every machine. Not for anything secret.
 */
// Globals read once: inside a `vm` context (jest's test environment) every global lookup is an interceptor
// call, which made generating 100,000 users four times slower there than under plain node.
const { floor, imul, min } = Math;
const { fromCharCode } = String;

export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = normaliseSeed(seed);
  }

  /** A uniformly distributed unsigned 32-bit integer. */
  uint32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = imul(t ^ (t >>> 15), t | 1);
    t ^= t + imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + floor(this.next() * (max - min + 1));
  }

  /** `true` with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick() from an empty list');
    return items[floor(this.next() * items.length)] as T;
  }

  /** One value, drawn in proportion to its weight. Weights of 0 are never drawn. */
  weighted<T>(weights: Weights<T>): T {
    const roll = this.next() * weights.total;
    const { cumulative, values } = weights;
    for (let i = 0; i < cumulative.length; i += 1) if (roll < (cumulative[i] as number)) return values[i] as T;
    return values[values.length - 1] as T;
  }

  /** `count` distinct items in random order (partial Fisher-Yates on a copy). */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    const n = min(count, pool.length);
    for (let i = 0; i < n; i += 1) {
      const j = i + floor(this.next() * (pool.length - i));
      const swap = pool[i] as T;
      pool[i] = pool[j] as T;
      pool[j] = swap;
    }
    return pool.slice(0, n);
  }

  /** A string of `length` decimal digits (leading zeros allowed). */
  digits(length: number): string {
    return this.string(DECIMAL, length);
  }

  /**
   * A string of `length` characters drawn from `alphabet`. Built from char codes in one go: appending char by
   * char would leave a chain of V8 cons-strings per value, which at 100,000 users is most of the heap.
   */
  string(alphabet: string, length: number): string {
    const codes = new Array<number>(length);
    for (let i = 0; i < length; i += 1) codes[i] = alphabet.charCodeAt(this.uint32() % alphabet.length);
    return fromCharCode(...codes);
  }

  /** An RFC 4122 version-4-format UUID, made from this generator's stream. */
  uuid(): string {
    const codes = new Array<number>(36);
    let position = 0;
    for (let word = 0; word < 4; word += 1) {
      const bits = this.uint32();
      for (let shift = 28; shift >= 0; shift -= 4) {
        if (position === 8 || position === 13 || position === 18 || position === 23) codes[position++] = DASH;
        const nibble = (bits >>> shift) & 15;
        // Position 14 holds the version (4), position 19 the variant (binary 10xx).
        const digit = position === 14 ? 4 : position === 19 ? 8 | (nibble & 3) : nibble;
        codes[position++] = HEX_CODES[digit] as number;
      }
    }
    return fromCharCode(...codes);
  }
}

/** A weighted choice, summed once: drawing from it is then a short scan, with no allocation. */
export class Weights<T> {
  readonly values: readonly T[];
  readonly cumulative: readonly number[];
  readonly total: number;

  constructor(choices: readonly (readonly [T, number])[]) {
    if (choices.length === 0) throw new RangeError('Weights need at least one choice');
    let sum = 0;
    this.values = choices.map(([value]) => value);
    this.cumulative = choices.map(([, weight]) => (sum += weight));
    this.total = sum;
  }
}

const DECIMAL = '0123456789';
const HEX_CODES = [...'0123456789abcdef'].map((c) => c.charCodeAt(0));
const DASH = '-'.charCodeAt(0);

/** Folds any safe integer (negative, or beyond 32 bits) into a 32-bit state without losing the high bits. */
function normaliseSeed(seed: number): number {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a safe integer, got ${seed}`);
  const high = floor(seed / 4294967296);
  return (seed ^ imul(high, 0x9e3779b1)) >>> 0;
}

/** An independent seed for a second stream (e.g. the failure sequence) derived from the data seed. */
export function deriveSeed(seed: number, salt: number): number {
  let h = (normaliseSeed(seed) ^ imul(salt >>> 0, 0x85ebca6b)) >>> 0;
  h = imul(h ^ (h >>> 16), 0x7feb352d);
  h = imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}
