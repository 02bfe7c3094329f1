import type { Logger } from './observability';
import type { RunningService } from './service';

/**
 * SIGTERM or SIGINT (or the returned trigger: a cluster primary's request): drain the service once (new
 * connections refused, requests in flight finished), flush the traces, then exit 0, or 1 if stopping failed.
 */
export function exitAfterDrain(service: RunningService, logger: Logger, stopTracing?: () => Promise<void>): (reason: string) => void {
  let stopping = false;
  const shutdown = (reason: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${reason}: draining in-flight requests, then shutting down`);
    service
      .stop()
      .finally(() => stopTracing?.())
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  return shutdown;
}
