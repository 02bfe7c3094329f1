import type { Random } from './random';

/** Small value generators shared by the demo-data builders: timestamps, phone numbers, secrets. */

const { floor } = Math;
const { fromCharCode } = String;
const ZERO = 48;
const [DASH, T, COLON, Z] = [...'-T:Z'].map((c) => c.charCodeAt(0)) as [number, number, number, number];
const DAY_MS = 86_400_000;
const RANGE_START = Date.UTC(2019, 0, 1);
const CREATED_END = Date.UTC(2025, 5, 30);
export const RANGE_END = Date.UTC(2025, 11, 31, 23, 59, 59);

/** RFC 3339 with second precision, as PrivX writes it (`2017-01-01T15:05:05Z`), for instants after 1970. */
export function rfc3339(ms: number): string {
  // Plain arithmetic and char codes rather than Date and a template literal: no global lookups (slow inside
  // jest's vm context) and one flat string instead of a tree of V8 cons-strings, at several timestamps per user.
  const days = floor(ms / DAY_MS);
  const seconds = floor((ms - days * DAY_MS) / 1000);
  const [y, m, d] = civilFromDays(days);
  const codes = [ZERO + floor(y / 1000), ZERO + (floor(y / 100) % 10), ZERO + (floor(y / 10) % 10), ZERO + (y % 10), DASH];
  pushTwoDigits(codes, m).push(DASH);
  pushTwoDigits(codes, d).push(T);
  pushTwoDigits(codes, floor(seconds / 3600)).push(COLON);
  pushTwoDigits(codes, floor(seconds / 60) % 60).push(COLON);
  pushTwoDigits(codes, seconds % 60).push(Z);
  return fromCharCode(...codes);
}

/** Days since 1970-01-01 → [year, month, day] (proleptic Gregorian; H. Hinnant's `civil_from_days`). */
function civilFromDays(daysSinceEpoch: number): [number, number, number] {
  const z = daysSinceEpoch + 719_468;
  const era = floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = floor((dayOfEra - floor(dayOfEra / 1460) + floor(dayOfEra / 36_524) - floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + floor(yearOfEra / 4) - floor(yearOfEra / 100));
  const shiftedMonth = floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return [yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

function pushTwoDigits(codes: number[], n: number): number[] {
  codes.push(ZERO + floor(n / 10), ZERO + (n % 10));
  return codes;
}

/**
 * A template tag for strings the data set keeps: the same text as a template literal, but one flat string. A
 * plain template literal leaves a tree of V8 cons-strings, about twice the memory and twice the work for the
 * garbage collector, which at 100,000 users is most of the generation time.
 */
export function flat(strings: TemplateStringsArray, ...values: unknown[]): string {
  const parts: unknown[] = [strings[0]];
  for (let i = 0; i < values.length; i += 1) parts.push(values[i], strings[i + 1]);
  return parts.join('');
}

/** A second-aligned instant in [from, to]. */
export function instantBetween(rng: Random, from: number, to: number): number {
  return floor((from + rng.next() * (to - from)) / 1000) * 1000;
}

export interface Lifetime {
  created: string;
  updated: string;
  createdMs: number;
  updatedMs: number;
}

/** `created` somewhere in 2019..mid-2025, `updated` at or after it and before the end of 2025. */
export function lifetime(rng: Random): Lifetime {
  const createdMs = instantBetween(rng, RANGE_START, CREATED_END);
  const updatedMs = rng.chance(0.15) ? createdMs : instantBetween(rng, createdMs, RANGE_END);
  return { created: rfc3339(createdMs), updated: rfc3339(updatedMs), createdMs, updatedMs };
}

export const PHONE_FORMATS = ['fi', 'us-x', 'uk-ext', 'us-semicolon-ext', 'se', 'de'] as const;
export type PhoneFormat = (typeof PHONE_FORMATS)[number];

/** Phone numbers as directories hold them, including the trailing-extension spellings the mapping splits off. */
export function phoneNumber(rng: Random, format: PhoneFormat): string {
  switch (format) {
    case 'fi':
      return flat`+358 ${rng.pick(['40', '44', '50', '9'])} ${rng.digits(3)} ${rng.digits(4)}`;
    case 'us-x':
      return flat`+1 (555) 010-${rng.digits(4)} x${rng.int(10, 999)}`;
    case 'uk-ext':
      return flat`+44 20 7946 ${rng.digits(4)} ext. ${rng.int(1, 99)}`;
    case 'us-semicolon-ext':
      return flat`+1-555-010-${rng.digits(4)};ext=${rng.int(1, 9)}`;
    case 'se':
      return flat`+46 8 ${rng.digits(3)} ${rng.digits(3)} ${rng.digits(2)}`;
    case 'de':
      return flat`+49 30 ${rng.digits(8)}`;
  }
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const BCRYPT_ALPHABET = './ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const TOKEN_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A TOTP seed as PrivX stores it (base32). A secret the client must strip. */
export function totpSeed(rng: Random): string {
  return rng.string(BASE32, 32);
}

/** A bcrypt-looking password hash. A secret the client must strip. */
export function passwordHash(rng: Random): string {
  return flat`$2a$10$${rng.string(BCRYPT_ALPHABET, 53)}`;
}

export function opaqueToken(rng: Random, length: number): string {
  return rng.string(TOKEN_ALPHABET, length);
}

/** A Windows SID: a non-URL attribute value. */
export function windowsSid(rng: Random): string {
  return flat`S-1-5-21-${rng.int(1e9, 4e9)}-${rng.int(1e9, 4e9)}-${rng.int(1e9, 4e9)}-${rng.int(1000, 99999)}`;
}
