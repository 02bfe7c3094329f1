import type { ChangeTrackingLimits } from './change-tracking';
import type { DEFAULT_POLLER_SETTINGS } from './poller';

/** CHANGES_* (docs/changes.md): how often the feed polls, scans and forgets. */
export interface ChangeSettings {
  /** 0: no poller in this process (the feed still answers, and the subgraph's own changes still appear). */
  pollSeconds: number;
  fullScanSeconds: number;
  retentionHours: number;
  /** Bound of the feed in entries, besides its age. */
  maxEntries?: number;
  limits?: ChangeTrackingLimits;
  /** The clock of the poller and the feed; tests inject one so that nothing sleeps. */
  now?: () => number;
  /** Built but not started: tests poll with `ChangeTracking.pollNow()`. */
  manualPolls?: boolean;
  /** Poller tuning for tests (page size, overlap). */
  poller?: Partial<typeof DEFAULT_POLLER_SETTINGS>;
}

export const DEFAULT_CHANGE_SETTINGS: ChangeSettings = { pollSeconds: 10, fullScanSeconds: 600, retentionHours: 24 };
/** What a subgraph started without settings gets: the feed, no poller (tests count upstream calls). */
export const NO_POLLER: ChangeSettings = { ...DEFAULT_CHANGE_SETTINGS, pollSeconds: 0 };
