/** How many GraphQL requests one process works on at once, and how many may wait for a turn. */
export interface AdmissionLimits {
  /** Requests worked on at once; 0: no bound (nothing waits, nothing is refused). */
  maxInFlight: number;
  /** Requests waiting for a slot, first come first served; past this, new ones are refused at once. */
  maxQueued: number;
  /** Longest wait for a slot; a request still waiting then is refused. Counts toward its deadline. */
  maxQueueWaitMs: number;
}

/**
 * From the bench's load section on the nested 100-user page, quiet machine (docs/protection.md, "Load"; figures in BENCHMARKS.md). A slot waiting on
 * PrivX costs no CPU: with a 50 ms PrivX, 4 in flight served 51 req/s at 10 connections where 16 served 78 (the
 * CPU's pace). Past the CPU's pace more in flight only lengthens every turn of the event loop and shares it
 * unfairly: with no bound, 50 connections gave p99 9.4x p50; 16 in flight, 3.4x to 5.1x; 8 in flight with 40
 * waiting first come first served, 1.4x, at the same throughput. 2 s of waiting, not less, so that a busy machine
 * does not refuse at 10 connections (500 ms did).
 */
export const DEFAULT_ADMISSION_LIMITS: Readonly<AdmissionLimits> = { maxInFlight: 8, maxQueued: 40, maxQueueWaitMs: 2_000 };
