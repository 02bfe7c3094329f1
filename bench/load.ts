import autocannon from 'autocannon';

/** One closed-loop load run with autocannon against one URL; every response must be the expected bytes. */
export interface LoadOptions {
  seconds: number;
  connections: number;
}

export interface LoadResult {
  /** Answered within the run. */
  requests: number;
  /** Sent, including those cut off when the run ended (the server still works on them). */
  sent: number;
  seconds: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
}

export async function runLoad(url: string, body: string, expectBody: string, { seconds, connections }: LoadOptions): Promise<LoadResult> {
  const result = await autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    // An error page must never pass for a fast answer: any other body counts as a mismatch.
    expectBody,
    connections,
    pipelining: 1,
    duration: seconds,
  });
  const failures = result.errors + result.timeouts + result.non2xx + result.mismatches;
  if (failures > 0) {
    throw new Error(
      `load run on ${url} had failures: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx, ` +
        `${result.mismatches} unexpected bodies`,
    );
  }
  const requests = result.requests.total;
  return { requests, sent: Math.max(result.requests.sent, requests), seconds: result.duration, requestsPerSecond: requests / result.duration, p50Ms: result.latency.p50, p99Ms: result.latency.p99 };
}
