import type { ServerResponse } from 'node:http';
import type { Observability } from '../observability';
import { InFlightLimit, type Refusal, type Release } from './in-flight-limit';
import type { AdmissionLimits } from './limits';
import { RejectionLog } from './rejection-log';

export { DEFAULT_ADMISSION_LIMITS, type AdmissionLimits } from './limits';

/** Seconds a refused client is asked to wait: the queue turns over within about that. */
export const BUSY_RETRY_AFTER_SECONDS = 1;

export const SERVER_BUSY_BODY = JSON.stringify({
  errors: [{ message: 'The server is busy; retry after the Retry-After delay.', extensions: { code: 'SERVER_BUSY' } }],
});

export interface Admission {
  /**
   * A slot for this request (free it when its work is done), or `undefined` when it was refused, already
   * answered `503 SERVER_BUSY`, or its client left while it waited. Looks at nothing but the count: the body is
   * still unread and no upstream call was made.
   */
  admit(res: ServerResponse): Release | Promise<Release | undefined> | undefined;
  /** Logs the refusals not yet summarised. */
  close(): void;
}

/** The bound on GraphQL requests in flight in this process, with its metrics and its (rate-limited) log. */
export function createAdmission(limits: AdmissionLimits, { logger, metrics }: Observability): Admission {
  const limit = new InFlightLimit(limits);
  metrics.watchAdmission(limit);
  const log = new RejectionLog(logger, () => ({ inFlight: limit.inFlight, queued: limit.queued, ...limits }));
  const refuse = (reason: Refusal, res: ServerResponse) => {
    metrics.requestsRefused.inc({ reason });
    log.record(reason);
    if (res.headersSent || res.destroyed) return;
    res.writeHead(503, { 'content-type': 'application/json; charset=utf-8', 'retry-after': String(BUSY_RETRY_AFTER_SECONDS) });
    res.end(SERVER_BUSY_BODY);
  };
  return {
    admit(res) {
      const outcome = limit.acquire();
      if (typeof outcome === 'function') return outcome;
      if (typeof outcome === 'string') return void refuse(outcome, res);
      const leave = () => outcome.leave();
      res.once('close', leave);
      return outcome.turn.then((turn) => {
        res.off('close', leave);
        if (turn === 'left') return undefined;
        if (typeof turn === 'string') return void refuse(turn, res);
        return turn;
      });
    },
    close: () => log.flush(),
  };
}
