import { present } from './text.mapping';

const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;

// PrivX is written in Go, whose JSON encoding of an unset time is the zero time, not an absent field.
const GO_ZERO_TIME = Date.parse('0001-01-01T00:00:00Z');

/**
 * Strict on purpose: `new Date` alone accepts strings such as "1" (the year 2001), so anything that is not an
 * RFC 3339 timestamp is null rather than a made-up date.
 */
export function toDate(rfc3339?: string): Date | null {
  const written = present(rfc3339);
  if (!written || !RFC3339.test(written)) return null;
  const date = new Date(written);
  const time = date.getTime();
  return Number.isNaN(time) || time === GO_ZERO_TIME ? null : date;
}
