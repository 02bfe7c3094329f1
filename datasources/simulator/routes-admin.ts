import { type FaultInjector, validateFault } from './faults';
import type { OutsideWriter } from './outside-writer';
import { badRequest, ok, parseJson } from './http-io';
import type { Route } from './router';
import type { RequestStats } from './stats';

/**
 * The simulator's own controls, for a benchmark or test in another process: read the call counts, reset them,
 * inject faults. Not part of the PrivX contract; never counted, no token needed.
 */
export interface FaultControls {
  faults: FaultInjector;
  /** Forgets every fault, armed outside write and recorded write. */
  clear: () => void;
  outsideWriter: OutsideWriter;
}

export function adminRoutes(stats: RequestStats, { faults, clear, outsideWriter }: FaultControls): Route[] {
  return [
    { method: 'GET', template: '/__stats', kind: 'admin', handler: () => ok(stats.snapshot()) },
    {
      method: 'POST',
      template: '/__reset',
      kind: 'admin',
      handler: () => {
        stats.reset();
        clear();
        return { status: 204 };
      },
    },
    {
      method: 'POST',
      template: '/__faults',
      kind: 'admin',
      handler: ({ body }) => {
        try {
          faults.add(validateFault(parseJson(body)));
        } catch (error) {
          if (error instanceof RangeError) throw badRequest(error.message);
          throw error;
        }
        return { status: 204 };
      },
    },
    {
      method: 'DELETE',
      template: '/__faults',
      kind: 'admin',
      handler: () => {
        clear();
        return { status: 204 };
      },
    },
    {
      // Another writer changes the user's explicit grants right after the next read of them (see OutsideWrite).
      method: 'POST',
      template: '/__outside-writes',
      kind: 'admin',
      handler: ({ body }) => {
        outsideWriter.arm(parseJson(body) as never);
        return { status: 204 };
      },
    },
  ];
}

const SERVICES = ['auth', 'role-store', 'local-user-store'] as const;

/** `GET /<service>/api/v1/status` for each service: what a readiness check reads. */
export function statusRoutes(startedAt: string): Route[] {
  return SERVICES.map(
    (service): Route => ({
      method: 'GET',
      template: `/${service}/api/v1/status`,
      // The auth service is exempt from counting and failures, its status included.
      kind: service === 'auth' ? 'auth' : 'status',
      handler: () =>
        ok({
          variant: 'privx-simulator',
          version: '41.0.0',
          api_version: 'v1',
          status: 'ok',
          status_message: 'OK',
          app_id: service,
          server_mode: 'simulated',
          start_time: startedAt,
        }),
    }),
  );
}
