import { UpstreamCatalog } from '../../datasources/upstream-catalog';
import type { SharedCache } from '../../datasources/cache';
import type { ChangeLog } from './change-log';
import { compareIds, decodeCursor } from './cursor';
import type { ChangePoller, PollReport } from './poller';
import { SubscriberQueue } from './subscriber-queue';
import type { ChangeKindName, ChangePage, ChangeRecord, StoredChange } from './types';

export interface SubscriptionFilter {
  kinds?: ReadonlySet<ChangeKindName>;
  userIds?: ReadonlySet<string>;
  after?: string;
}

export interface ChangeTrackingLimits {
  /** Subscriptions this process serves at once; more are refused. */
  maxSubscribers: number;
  /** Changes one subscriber may have waiting before it is ended (it resumes with `after`). */
  maxPending: number;
}

export const DEFAULT_CHANGE_LIMITS: ChangeTrackingLimits = { maxSubscribers: 1_000, maxPending: 1_000 };

/** Too many subscribers in this process. */
export class SubscribersExhaustedError extends Error {
  constructor(max: number) {
    super(`This process already serves ${max} subscriptions; try another replica or later`);
    this.name = 'SubscribersExhaustedError';
  }
}

const CATCH_UP_PAGE = 500;

/**
 * The change feed as the rest of the subgraph sees it (docs/changes.md): pages and the newest cursor for the
 * queries, pushed changes for subscriptions, `recordChange` for the subgraph's own mutations, and the cache
 * eviction that keeps reads fresh: every replica hears every change (the log's `listen`) and drops its own copies
 * of that user; the replica that stores a change drops the shared ones.
 */
export class ChangeTracking {
  private subscribers = 0;
  private readonly stopListening: () => void;

  constructor(
    readonly log: ChangeLog,
    private readonly cache: SharedCache,
    private readonly poller: ChangePoller | undefined,
    private readonly limits: ChangeTrackingLimits = DEFAULT_CHANGE_LIMITS,
    /** Releases what the pieces around the log hold (the lease's connection). */
    private readonly release: () => Promise<void> = async () => undefined,
  ) {
    this.stopListening = log.listen((change) => void this.cache.forget(keysOf([change]), 'local'));
  }

  get subscriberCount(): number {
    return this.subscribers;
  }

  /** Starts polling every interval, unless `manual` (tests poll with `pollNow`). */
  start(manual = false): void {
    if (!manual) this.poller?.start();
  }

  /** One poll now, if this process has a poller: what the timer runs, for tests and tools. */
  pollNow(): Promise<PollReport | undefined> {
    return this.poller ? this.poller.pollOnce() : Promise.resolve(undefined);
  }

  async stop(): Promise<void> {
    await this.poller?.stop();
    this.stopListening();
    await this.log.close();
    await this.release();
  }

  /**
   * Appends a change made by this subgraph itself (a mutation), at once: e.g.
   * `recordChange({ kind: 'ROLES_CHANGED', userId, roleId, at: Date.now() })`. Evicts that user's cached records
   * everywhere, like a change the poller found.
   */
  async recordChange(change: ChangeRecord): Promise<StoredChange> {
    const [stored] = await this.log.append([change]);
    await this.evictShared([stored as StoredChange]);
    return stored as StoredChange;
  }

  /** The poller's eviction: shared keys here, every replica's own copies through the log. */
  async evictShared(changes: readonly StoredChange[]): Promise<void> {
    await this.cache.forget(keysOf(changes), 'shared');
  }

  page(after: string | undefined, first: number, kinds?: ReadonlySet<ChangeKindName>): Promise<ChangePage> {
    return this.log.read(after, first, kinds);
  }

  newestCursor(): Promise<string> {
    return this.log.newestCursor();
  }

  /**
   * Changes as they are stored, from `after` when given (what was missed is read from the log first, then live
   * changes follow with none twice), filtered by kind and user.
   */
  async subscribe(filter: SubscriptionFilter): Promise<SubscriberQueue> {
    if (this.subscribers >= this.limits.maxSubscribers) throw new SubscribersExhaustedError(this.limits.maxSubscribers);
    if (filter.after !== undefined) await this.log.read(filter.after, 0); // CURSOR_EXPIRED before anything starts
    this.subscribers += 1;
    let closed = false;
    const queue = new SubscriberQueue(this.limits.maxPending, () => {
      if (closed) return;
      closed = true;
      this.subscribers -= 1;
      unlisten();
    });
    const wanted = (change: StoredChange) => (!filter.kinds || filter.kinds.has(change.kind)) && (!filter.userIds || filter.userIds.has(change.userId.toLowerCase()));
    let last = filter.after === undefined ? undefined : decodeCursor(filter.after);
    const live: StoredChange[] = [];
    let caughtUp = filter.after === undefined;
    const deliver = (change: StoredChange) => {
      const at = decodeCursor(change.cursor);
      if (last && compareIds(at, last) <= 0) return; // already delivered during the catch-up
      last = at;
      if (wanted(change)) queue.push(change);
    };
    const unlisten = this.log.listen((change) => (caughtUp ? deliver(change) : live.push(change)));
    if (filter.after !== undefined) {
      try {
        let cursor = filter.after;
        for (;;) {
          const page = await this.log.read(cursor, CATCH_UP_PAGE);
          page.changes.forEach(deliver);
          cursor = page.endCursor;
          if (page.changes.length < CATCH_UP_PAGE) break;
        }
        live.forEach(deliver);
        caughtUp = true;
      } catch (error) {
        queue.fail(error instanceof Error ? error : new Error(String(error)));
      }
    }
    return queue;
  }
}

/** Cache keys a batch of changes makes stale: the users' own, and the lists that hold them. */
function keysOf(changes: readonly StoredChange[]): string[] {
  const listsToo = changes.some((change) => change.kind !== 'GRANT_STARTED' && change.kind !== 'GRANT_ENDED');
  return UpstreamCatalog.keysOfUsers([...new Set(changes.map((change) => change.userId))], listsToo);
}
