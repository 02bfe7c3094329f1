import type { IdentityUpstream } from '../../datasources/upstream';
import type { RoleMembershipIndex } from '../../datasources/upstream-catalog';
import { NEWEST_FIRST, readNewestFirst, updatedMs } from '../../datasources/newest-first';
import type { V41RoleAssignment, V41RoleStoreUser } from '../../datasources/v41/models';
import { RequestScope, runInRequestScope } from '../../datasources/v41/request-scope';
import { traceBackground } from '../observability/tracing';
import type { ChangeLog } from './change-log';
import { grantEdges, grantSetKey, heldGrantOf, rolesThatDiffer } from './grant-edges';
import type { Lease } from './lease';
import type { HeldGrant, KnownUser, PollerState, StateDelta } from './poller-state';
import type { ChangeKindName, ChangeRecord, StoredChange } from './types';

/** Past this many changed users in one poll, one membership-index read (a call per role) beats a call per user. */
const MAX_ROLE_READS = 20;

export interface PollerSettings {
  pollMs: number;
  fullScanMs: number;
  /** How far below the watermark each poll reads again: records at the edge are compared, not re-emitted. */
  overlapMs: number;
  /** Users per newest-first page: a quiet poll reads one. */
  pageSize: number;
  /** Bounds of one poll upstream, like a request's: a hanging PrivX cannot pile polls up. */
  deadlineMs: number;
  callBudget: number;
}

export const DEFAULT_POLLER_SETTINGS: PollerSettings = {
  pollMs: 10_000,
  fullScanMs: 600_000,
  overlapMs: 30_000,
  pageSize: 100,
  deadlineMs: 120_000,
  callBudget: 10_000,
};

/** What the poller reads beyond the user search: the role-membership index, reloaded (and shared with requests). */
export interface PollerUpstream {
  client: IdentityUpstream;
  reloadMembershipIndex(): Promise<RoleMembershipIndex>;
}

export interface PollerHooks {
  /** Evicts what the caches hold of these users (every replica), after their changes are stored. */
  evict(changes: readonly StoredChange[]): void | Promise<void>;
  warn(fields: Record<string, unknown>, message: string): void;
  /** Poll figures for the metrics. */
  observe?(poll: PollReport): void;
}

export interface PollReport {
  outcome: 'changes' | 'quiet' | 'first' | 'not-leader' | 'failed';
  seconds: number;
  upstreamCalls: number;
  byKind: Partial<Record<ChangeKindName, number>>;
  fullScan: boolean;
}

/**
 * Finds what changed upstream (docs/changes.md): PrivX v41 offers no delta, so each poll reads `users/search`
 * newest first down to the watermark minus an overlap (one call when nothing changed), reads the whole id set
 * when `count` says something vanished or a full-scan interval passed, asks for the roles of users it saw
 * change, and derives grant edges from the grants it holds without asking anything. One replica polls (the
 * lease); the changes and the state they came from are stored together.
 */
export class ChangePoller {
  private state: PollerState | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = false;

  constructor(
    private readonly upstream: PollerUpstream,
    private readonly log: ChangeLog,
    private readonly lease: Lease,
    private readonly hooks: PollerHooks,
    private readonly settings: PollerSettings = DEFAULT_POLLER_SETTINGS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Polls every `pollMs` until stopped; a failed poll is logged and the next one tries again. */
  start(): void {
    const tick = () => {
      if (this.stopped) return;
      this.running = this.pollOnce().finally(() => {
        this.running = undefined;
        if (!this.stopped) this.timer = setTimeout(tick, this.settings.pollMs).unref();
      });
    };
    this.timer = setTimeout(tick, 0).unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
    await this.lease.release();
  }

  /** One poll; never throws (a failure is reported and leaves the state as it was). */
  async pollOnce(): Promise<PollReport> {
    const started = performance.now();
    // A background scope: the poll's calls hold at most an eighth of the upstream concurrency (resilience.ts).
    const scope = new RequestScope(this.settings.deadlineMs, this.settings.callBudget, Date.now(), true);
    let report: Omit<PollReport, 'seconds' | 'upstreamCalls'>;
    try {
      report = await runInRequestScope(scope, () => traceBackground('change poll', () => this.poll()));
    } catch (error) {
      this.hooks.warn({ component: 'change-poller', err: error instanceof Error ? error.message : String(error) }, 'Change poll failed; the next poll tries again');
      report = { outcome: 'failed', byKind: {}, fullScan: false };
    }
    const full: PollReport = { ...report, seconds: (performance.now() - started) / 1000, upstreamCalls: scope.callsMade };
    this.hooks.observe?.(full);
    return full;
  }

  private async poll(): Promise<Omit<PollReport, 'seconds' | 'upstreamCalls'>> {
    const claim = await this.lease.claim();
    if (claim === 'lost') {
      this.state = undefined; // another replica polls: its state will be newer than ours when we take over
      return { outcome: 'not-leader', byKind: {}, fullScan: false };
    }
    if (claim === 'acquired' || !this.state) this.state = await this.log.loadState();
    const now = this.now();
    if (!this.state) return this.firstPoll(now);

    const { meta, users } = this.state;
    const recent = await readNewestFirst(this.upstream.client, {}, meta.watermark - this.settings.overlapMs, this.settings.pageSize);
    const newIds = recent.users.filter((u) => !users.has(u.id)).length;
    const fullScan = recent.count !== users.size + newIds || now - meta.lastFullScan >= this.settings.fullScanMs;
    const seen = fullScan ? (await this.upstream.client.searchAllUsers({}, NEWEST_FIRST)).items : recent.users;
    // Roles of the users seen to change: one call each, or (a full scan, a bulk import) the membership index at once.
    const toRead = seen.filter((u) => !users.has(u.id) || (updatedMs(u) ?? 0) > (users.get(u.id)?.updated ?? 0)).length;
    const index = fullScan || toRead > MAX_ROLE_READS ? await this.upstream.reloadMembershipIndex() : undefined;

    const changes: ChangeRecord[] = [];
    const upserts = new Map<string, KnownUser>();
    const removals: string[] = [];
    let watermark = meta.watermark;

    // Grant edges first, from the grants held before this poll: no upstream call.
    for (const [userId, known] of users) {
      for (const held of known.grants ?? []) {
        for (const edge of grantEdges(held, meta.edgesCheckedAt, now)) changes.push({ kind: edge.kind, userId, at: edge.at, roleId: edge.roleId });
      }
    }

    for (const user of seen) {
      const updated = updatedMs(user) ?? 0;
      watermark = Math.max(watermark, updated);
      const known = users.get(user.id);
      const grants = index ? grantsIn(index, user.id) : undefined;
      if (!known) {
        changes.push({ kind: 'CREATED', userId: user.id, at: createdMs(user) ?? updated });
        upserts.set(user.id, { updated, grants: grants ?? (await this.grantsOf(user.id)) });
        continue;
      }
      const moved = updated > known.updated;
      if (moved) changes.push({ kind: 'UPDATED', userId: user.id, at: updated });
      // Roles are read for a user seen to change, or taken from the index of a full scan.
      const after = grants ?? (moved ? await this.grantsOf(user.id) : undefined);
      const rolesChanged = after !== undefined && known.grants !== undefined && grantSetKey(after) !== grantSetKey(known.grants);
      if (rolesChanged) {
        const roles = rolesThatDiffer(known.grants ?? [], after);
        changes.push({ kind: 'ROLES_CHANGED', userId: user.id, at: now, ...(roles.length === 1 ? { roleId: roles[0] } : {}) });
      }
      if (moved || rolesChanged || (after !== undefined && known.grants === undefined)) upserts.set(user.id, { updated: Math.max(updated, known.updated), grants: after ?? known.grants });
    }
    if (fullScan) {
      const present = new Set(seen.map((u) => u.id));
      for (const id of users.keys()) {
        if (present.has(id)) continue;
        removals.push(id);
        changes.push({ kind: 'DELETED', userId: id, at: now });
      }
    }

    changes.sort((a, b) => a.at - b.at);
    const count = fullScan ? seen.length : recent.count;
    const delta: StateDelta = {
      meta: { ...meta, watermark, count, edgesCheckedAt: now, lastFullScan: fullScan ? now : meta.lastFullScan },
      upserts,
      removals,
    };
    const stored = await this.log.append(changes, delta);
    for (const [id, user] of upserts) users.set(id, user);
    for (const id of removals) users.delete(id);
    this.state.meta = delta.meta;
    if (stored.length > 0) await this.hooks.evict(stored);
    return { outcome: stored.length > 0 ? 'changes' : 'quiet', byKind: countByKind(stored), fullScan };
  }

  /** Records the whole state and emits nothing: the feed starts empty (docs/changes.md). */
  private async firstPoll(now: number): Promise<Omit<PollReport, 'seconds' | 'upstreamCalls'>> {
    const everyone = (await this.upstream.client.searchAllUsers({}, NEWEST_FIRST)).items;
    const index = await this.upstream.reloadMembershipIndex();
    const users = new Map<string, KnownUser>();
    let watermark = 0;
    for (const user of everyone) {
      const updated = updatedMs(user) ?? 0;
      watermark = Math.max(watermark, updated);
      users.set(user.id, { updated, grants: grantsIn(index, user.id) });
    }
    const meta = { watermark, count: everyone.length, lastFullScan: now, edgesCheckedAt: now, startedAt: now };
    await this.log.append([], { meta, replaceAll: users, upserts: new Map(), removals: [] });
    this.state = { meta, users };
    return { outcome: 'first', byKind: {}, fullScan: true };
  }

  private async grantsOf(userId: string): Promise<HeldGrant[] | undefined> {
    const roles = await this.upstream.client.getUserRoles(userId);
    return roles === null ? undefined : roles.map(heldGrantOf);
  }
}

/** A user's grants as the membership index holds them; none when the user holds no role. */
function grantsIn(index: RoleMembershipIndex, userId: string): HeldGrant[] {
  return (index.get(userId) ?? ([] as V41RoleAssignment[])).map(heldGrantOf);
}

function createdMs(user: V41RoleStoreUser): number | undefined {
  const ms = user.created ? Date.parse(user.created) : Number.NaN;
  return Number.isNaN(ms) ? undefined : ms;
}

function countByKind(changes: readonly StoredChange[]): Partial<Record<ChangeKindName, number>> {
  const counts: Partial<Record<ChangeKindName, number>> = {};
  for (const change of changes) counts[change.kind] = (counts[change.kind] ?? 0) + 1;
  return counts;
}
