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
 * From the bench's load section on the nested 100-user page (README, "Load"): one process is CPU-bound from about
 * 4 requests at once (~17 ms of CPU each around one 5 ms PrivX call), and every request more in flight lengthens
 * each turn of the event loop, so all of them, and the refusals, get slower (8 or 16 in flight: requests past the
 * 10 s deadline at 50 connections on a busy machine; 4: none). 8 waiting take a burst of a router's fan-out
 * without refusing it; 2 s, not less, so that a busy machine does not refuse at 10 connections (500 ms did).
 */
export const DEFAULT_ADMISSION_LIMITS: Readonly<AdmissionLimits> = { maxInFlight: 4, maxQueued: 8, maxQueueWaitMs: 2_000 };
