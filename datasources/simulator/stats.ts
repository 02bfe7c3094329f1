export interface RequestStatsSnapshot {
  total: number;
  /** Calls per `METHOD /route/template`, e.g. `GET /role-store/api/v1/users/:id/roles`. */
  byRoute: Record<string, number>;
}

/**
 * Counts the upstream calls a client makes, by route template rather than by URL, so a test or a benchmark can
 * assert "one search, no per-user calls" without knowing ids. Token requests and the simulator's own admin
 * routes are not counted: they are not data calls.
 */
export class RequestStats {
  private readonly counts = new Map<string, number>();
  private total = 0;

  record(key: string): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    this.total += 1;
  }

  snapshot(): RequestStatsSnapshot {
    const byRoute: Record<string, number> = {};
    for (const key of [...this.counts.keys()].sort()) byRoute[key] = this.counts.get(key) ?? 0;
    return { total: this.total, byRoute };
  }

  reset(): void {
    this.counts.clear();
    this.total = 0;
  }
}
