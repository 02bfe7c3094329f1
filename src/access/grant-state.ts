import type ipaddr from 'ipaddr.js';
import { matchesAnyMask } from './ip-masks';
import { contains, grantPeriods, periodEdges } from './periods';
import { isInsideWindow, windowEdgesAfter } from './windows';
import type { AccessWindow, Grant, GrantState } from './types';

export interface Evaluation {
  grant: Grant;
  /** The role's enabled context; `null` when it has none or it is disabled. */
  window: AccessWindow | null;
}

/**
 * The state of a grant at `at` (epoch ms), by the first rule that applies (docs/access.md). `from` is the
 * caller's address, for the context's IP masks; without it the masks are not checked.
 */
export function grantState({ grant, window }: Evaluation, at: number, from?: ipaddr.IPv4 | ipaddr.IPv6 | null): GrantState {
  const periods = grantPeriods(grant);
  if (periods.every((p) => p.end !== null && p.end <= at)) return 'EXPIRED';
  if (!periods.some((p) => contains(p, at))) return 'SCHEDULED';
  if (window) {
    if (!isInsideWindow(window, at)) return 'OUTSIDE_CONTEXT';
    if (from && window.ipMasks.length > 0 && !matchesAnyMask(from, window.ipMasks)) return 'OUTSIDE_CONTEXT';
  }
  return grant.kind === 'FLOATING' ? 'ACTIVATABLE' : 'ACTIVE';
}

/**
 * The earliest instant after `at` at which the state (without an address) differs, or `null` when it never
 * changes again. Only period edges and context window edges can change it, so those are tried in order.
 */
export function nextStateChange(evaluation: Evaluation, at: number): number | null {
  const now = grantState(evaluation, at);
  if (now === 'EXPIRED') return null;
  const edges = periodEdges(grantPeriods(evaluation.grant)).filter((edge) => edge > at);
  if (evaluation.window) edges.push(...windowEdgesAfter(evaluation.window, at));
  const candidates = [...new Set(edges)].sort((a, b) => a - b);
  return candidates.find((edge) => grantState(evaluation, edge) !== now) ?? null;
}

/** Whether the grant has ended for good at `at`: the state `User.roles` leaves out. */
export function isExpired(grant: Grant, at: number): boolean {
  return grantPeriods(grant).every((p) => p.end !== null && p.end <= at);
}
