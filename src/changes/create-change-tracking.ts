import { Redis } from 'ioredis';
import type { SharedCacheConfig } from '../config';
import type { Logger, Metrics } from '../observability';
import type { ServedUpstream } from '../upstream';
import { ChangeTracking, DEFAULT_CHANGE_LIMITS } from './change-tracking';
import type { ChangeLog } from './change-log';
import { ProcessLease, RedisLease, type Lease } from './lease';
import { MemoryChangeLog } from './memory-change-log';
import { ChangePoller, DEFAULT_POLLER_SETTINGS, type PollReport } from './poller';
import { RedisChangeLog } from './redis-change-log';
import type { ChangeSettings } from './settings';

// The settings live apart (settings.ts) so that src/config.ts can read their defaults without importing the feed.
export { DEFAULT_CHANGE_SETTINGS, NO_POLLER, type ChangeSettings } from './settings';

const MAX_ENTRIES = 100_000;

/**
 * The feed for a served upstream: in Redis when the cache is shared (every replica answers the same cursors, a
 * restart loses nothing, one replica polls under a lease), in this process otherwise.
 */
export function createChangeTracking(
  upstream: ServedUpstream,
  settings: ChangeSettings,
  shared: SharedCacheConfig | undefined,
  observability: { logger: Logger; metrics?: Metrics },
): ChangeTracking {
  const now = settings.now ?? Date.now;
  const limits = { retentionMs: settings.retentionHours * 3_600_000, maxEntries: settings.maxEntries ?? MAX_ENTRIES };
  const warn = (message: string) => observability.logger.warn({ component: 'change-feed' }, message);
  const log: ChangeLog = shared
    ? new RedisChangeLog({ ...limits, url: shared.url, keyPrefix: shared.keyPrefix, timeoutMs: Math.max(shared.timeoutMs, 2_000), now, warn })
    : new MemoryChangeLog(limits, now);
  let lease: Lease | undefined;
  let leaseRedis: Redis | undefined;
  if (settings.pollSeconds > 0) {
    if (shared) {
      leaseRedis = new Redis(shared.url, { maxRetriesPerRequest: 1, commandTimeout: Math.max(shared.timeoutMs, 2_000) });
      leaseRedis.on('error', () => undefined);
      lease = new RedisLease(leaseRedis, `${shared.keyPrefix}:changes:lease`, Math.max(3 * settings.pollSeconds * 1000, 30_000));
    } else {
      lease = new ProcessLease();
    }
  }
  const poller = lease
    ? new ChangePoller(
        { client: upstream.client, reloadMembershipIndex: () => upstream.catalog.reloadMembershipIndex() },
        log,
        lease,
        {
          evict: (changes) => tracking.evictShared(changes),
          warn: (fields, message) => observability.logger.warn(fields, message),
          observe: (report: PollReport) => observability.metrics?.recordChangePoll(report),
        },
        { ...DEFAULT_POLLER_SETTINGS, ...settings.poller, pollMs: settings.pollSeconds * 1000, fullScanMs: settings.fullScanSeconds * 1000 },
        now,
      )
    : undefined;
  const tracking: ChangeTracking = new ChangeTracking(log, upstream.cache, poller, settings.limits ?? DEFAULT_CHANGE_LIMITS, async () => {
    if (leaseRedis) await leaseRedis.quit().catch(() => leaseRedis?.disconnect());
  });
  observability.metrics?.watchSubscribers(tracking);
  return tracking;
}
