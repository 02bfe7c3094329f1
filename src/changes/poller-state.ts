/**
 * What the poller remembers between polls (and, with Redis, between restarts and across replicas taking the
 * lease): every known user's `updated` and grants, and a few instants. Stored next to the feed and written in the
 * same transaction as the changes it produced, so a restart neither re-emits nor misses anything.
 */

/** A grant as the poller compares it: role, kind and periods (epoch ms, `null` unbounded). */
export interface HeldGrant {
  roleId: string;
  kind: string;
  periods: [number | null, number | null][];
}

export interface KnownUser {
  /** The record's `updated` as epoch ms (0 when it has none). */
  updated: number;
  /** `undefined`: grants not known yet (the user was never read with its roles). */
  grants?: HeldGrant[];
}

export interface PollerMeta {
  /** The newest `updated` seen: the next poll reads down to it minus the overlap. */
  watermark: number;
  /** The upstream's user count after the last poll. */
  count: number;
  /** When the id set was last read whole (deletions, missed roles). */
  lastFullScan: number;
  /** Grant edges up to this instant have been emitted. */
  edgesCheckedAt: number;
  /** When the feed began: users created before it are not news. */
  startedAt: number;
}

export interface PollerState {
  meta: PollerMeta;
  users: Map<string, KnownUser>;
}

/** What one poll changed in the state: written with its changes, atomically. */
export interface StateDelta {
  meta: PollerMeta;
  /** Set: the whole user map is replaced by this one (the first poll). */
  replaceAll?: Map<string, KnownUser>;
  upserts: Map<string, KnownUser>;
  removals: string[];
}

export function applyDelta(state: PollerState | undefined, delta: StateDelta): PollerState {
  const users = delta.replaceAll ? new Map(delta.replaceAll) : new Map(state?.users ?? []);
  for (const [id, user] of delta.upserts) users.set(id, user);
  for (const id of delta.removals) users.delete(id);
  return { meta: delta.meta, users };
}
