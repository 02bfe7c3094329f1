import { DateTime, IANAZone } from 'luxon';
import type { AccessWindow, IsoWeekday } from './types';

/**
 * Whether the time-zone database knows a zone, remembered per name: luxon answers by building an
 * `Intl.DateTimeFormat` (0.1-0.4 ms a call, once per role assignment with a context). Bounded, as the names
 * come from upstream data; past the bound, names are checked each time.
 */
const knownZones = new Map<string, boolean>();
const MAX_REMEMBERED_ZONES = 1_000;

function isKnownZone(name: string): boolean {
  let known = knownZones.get(name);
  if (known === undefined) {
    known = IANAZone.isValidZone(name);
    if (knownZones.size < MAX_REMEMBERED_ZONES) knownZones.set(name, known);
  }
  return known;
}

/** The zone a context names, or UTC when it names none or one the time-zone database does not know. */
export function zoneOrUtc(name: string | null | undefined): string {
  const trimmed = name?.trim();
  return trimmed && isKnownZone(trimmed) ? trimmed : 'UTC';
}

function hasTimes(window: AccessWindow): window is AccessWindow & { startSecond: number; endSecond: number } {
  return window.startSecond !== null && window.endSecond !== null;
}

function allowsDay(window: AccessWindow, weekday: number): boolean {
  return window.weekdays.length === 0 || window.weekdays.includes(weekday as IsoWeekday);
}

function atSecond(day: DateTime, second: number): DateTime {
  return day.set({ hour: Math.floor(second / 3600), minute: Math.floor((second % 3600) / 60), second: second % 60 });
}

/**
 * The window that opens on local `day` (a local midnight), as UTC milliseconds. An end at or before the start
 * means the window runs past midnight: it belongs to the day it opens on, and closes on the next day. Local
 * times are resolved by the zone's rules, so a window keeps its wall-clock hours across daylight-saving changes.
 */
function windowOpeningOn(window: AccessWindow, day: DateTime): [number, number] {
  if (!hasTimes(window)) return [day.toMillis(), day.plus({ days: 1 }).toMillis()];
  const closesOn = window.endSecond <= window.startSecond ? day.plus({ days: 1 }) : day;
  return [atSecond(day, window.startSecond).toMillis(), atSecond(closesOn, window.endSecond).toMillis()];
}

/** Windows that open on the local days from `daysBefore` days before `at`'s local day to `daysAfter` after it. */
function windowsAround(window: AccessWindow, at: number, daysBefore: number, daysAfter: number): [number, number][] {
  const today = DateTime.fromMillis(at, { zone: window.timezone }).startOf('day');
  const windows: [number, number][] = [];
  for (let offset = -daysBefore; offset <= daysAfter; offset += 1) {
    const day = today.plus({ days: offset });
    if (allowsDay(window, day.weekday)) windows.push(windowOpeningOn(window, day));
  }
  return windows;
}

/** Whether `at` falls in the context's weekday and time-of-day window (the address is checked elsewhere). */
export function isInsideWindow(window: AccessWindow, at: number): boolean {
  if (!hasTimes(window) && window.weekdays.length === 0) return true;
  // A window that opened yesterday may still be open (it spans midnight); none opens earlier and lasts longer.
  return windowsAround(window, at, 1, 0).some(([start, end]) => start <= at && at < end);
}

/**
 * Every window edge after `at` within a little over a week. Windows repeat weekly, so an edge that changes
 * anything shows up in that span; later edges repeat earlier ones.
 */
export function windowEdgesAfter(window: AccessWindow, at: number): number[] {
  if (!hasTimes(window) && window.weekdays.length === 0) return [];
  return windowsAround(window, at, 1, 8)
    .flat()
    .filter((edge) => edge > at);
}
