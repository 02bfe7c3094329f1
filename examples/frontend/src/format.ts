/** Date-times as the reader's locale writes them, in the reader's time zone; `—` for none. */
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function formatDateTime(iso: string | null | undefined): string {
  return iso ? dateTime.format(new Date(iso)) : '—';
}

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "in 3 hours", "2 days ago": how far an instant is from `now`, in its largest whole unit. */
export function formatFromNow(iso: string, now: number = Date.now()): string {
  const ms = new Date(iso).getTime() - now;
  for (const [unit, size] of UNITS) {
    if (Math.abs(ms) >= size) return relative.format(Math.trunc(ms / size), unit);
  }
  return relative.format(Math.trunc(ms / 1000), 'second');
}

/** A grant period `[start, end)`; an open side reads as "always" or "no end". */
export function formatPeriod(start: string | null | undefined, end: string | null | undefined): string {
  if (!start && !end) return 'always';
  return `${start ? formatDateTime(start) : 'always'} → ${end ? formatDateTime(end) : 'no end'}`;
}
