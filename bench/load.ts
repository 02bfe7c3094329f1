import autocannon from 'autocannon';

/** One closed-loop load run with autocannon against one URL; every response must be the expected bytes. */
export interface LoadOptions {
  seconds: number;
  connections: number;
  /**
   * Count `503` with a `SERVER_BUSY` body as a refusal instead of a failure (the load section: past the
   * in-flight bound the server sheds). Any other unexpected answer still fails the run.
   */
  acceptBusy?: boolean;
  /** Seconds before autocannon gives a request up (a timeout); 10 unless given. */
  timeoutSeconds?: number;
}

export interface LoadResult {
  /** Answered with the expected body within the run. */
  requests: number;
  /** Sent, including those cut off when the run ended (the server still works on them). */
  sent: number;
  seconds: number;
  /** Of the expected answers: refusals are neither counted nor timed here. */
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** `503 SERVER_BUSY` answers, and the slowest of them. */
  busy: number;
  busyMaxMs: number;
  /**
   * With `acceptBusy`: requests given up after `timeoutSeconds`, reported instead of failing the run (the load
   * section's target counts them as slower than the deadline). Otherwise a timeout fails the run.
   */
  timeouts: number;
}

function isServerBusy(body: string): boolean {
  try {
    const json = JSON.parse(body) as { data?: unknown; errors?: { extensions?: { code?: unknown } }[] };
    return json.data === undefined && json.errors?.length === 1 && json.errors[0]?.extensions?.code === 'SERVER_BUSY';
  } catch {
    return false;
  }
}

export async function runLoad(url: string, body: string, expectBody: string, { seconds, connections, acceptBusy = false, timeoutSeconds = 10 }: LoadOptions): Promise<LoadResult> {
  let busyBodies = 0;
  let busyStatuses = 0;
  let busyMaxMs = 0;
  const verifyBody = (received: string | Buffer | undefined) => {
    if (received === expectBody) return true;
    if (!acceptBusy || received === undefined || !isServerBusy(received.toString())) return false;
    busyBodies += 1;
    return true;
  };
  const run = autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    // An error page must never pass for a fast answer: any other body counts as a mismatch.
    verifyBody,
    // Latency percentiles of the expected answers only: fast refusals must not flatter them.
    excludeErrorStats: acceptBusy,
    connections,
    pipelining: 1,
    duration: seconds,
    timeout: timeoutSeconds,
  }) as unknown as Promise<autocannon.Result> & autocannon.Instance;
  if (acceptBusy) {
    run.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode !== 503) return;
      busyStatuses += 1;
      busyMaxMs = Math.max(busyMaxMs, responseTime);
    });
  }
  const result = await run;
  // Every 503 must carry the SERVER_BUSY body and every SERVER_BUSY body a 503.
  const unexpectedNon2xx = result.non2xx - busyStatuses + Math.abs(busyStatuses - busyBodies);
  const timeouts = acceptBusy ? result.timeouts : 0;
  // autocannon counts a timeout as an error too.
  const failures = result.errors - timeouts + (result.timeouts - timeouts) + unexpectedNon2xx + result.mismatches;
  if (failures > 0) {
    throw new Error(
      `load run on ${url} had failures: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx ` +
        `(${busyStatuses} of them 503, ${busyBodies} SERVER_BUSY bodies), ${result.mismatches} unexpected bodies`,
    );
  }
  const requests = result.requests.total - busyStatuses;
  return {
    requests,
    sent: Math.max(result.requests.sent - busyStatuses, requests),
    seconds: result.duration,
    requestsPerSecond: requests / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    busy: busyStatuses,
    busyMaxMs,
    timeouts,
  };
}
