import type { AdmissionLimits } from './limits';

/** Frees the slot; calling it again does nothing. */
export type Release = () => void;

/** Why a request was turned away: every slot taken and the queue full, or it waited `maxQueueWaitMs`. */
export type Refusal = 'queue-full' | 'queue-timeout';

/** A place in the queue: `turn` settles with a slot or a refusal, or `'left'` once `leave` gave the place up. */
export interface Ticket {
  turn: Promise<Release | Refusal | 'left'>;
  leave(): void;
}

interface Waiter {
  grant(release: Release): void;
  timer: NodeJS.Timeout;
}

/**
 * A counting semaphore with a bounded FIFO queue, for one process (each cluster worker has its own). Only
 * counting: it never touches a request, so the HTTP layer decides what "busy" looks like. Not cockatiel's
 * bulkhead (which the upstream client uses): a waiter whose signal aborts stays in that queue until its turn, so
 * clients that left or waited too long would keep filling it; here they give their place up at once.
 */
export class InFlightLimit {
  private running = 0;
  private readonly waiting: Waiter[] = [];

  constructor(private readonly limits: AdmissionLimits) {}

  get inFlight(): number {
    return this.running;
  }

  get queued(): number {
    return this.waiting.length;
  }

  /** A slot now, a place in the queue, or a refusal when the queue is full too. */
  acquire(): Release | Ticket | Refusal {
    const { maxInFlight, maxQueued, maxQueueWaitMs } = this.limits;
    if (maxInFlight === 0) return () => undefined;
    if (this.running < maxInFlight) return this.slot();
    if (this.waiting.length >= maxQueued) return 'queue-full';
    let leave: () => void = () => undefined;
    const turn = new Promise<Release | Refusal | 'left'>((resolve) => {
      const waiter: Waiter = {
        grant: (release) => resolve(release),
        timer: setTimeout(() => {
          this.remove(waiter);
          resolve('queue-timeout');
        }, maxQueueWaitMs),
      };
      this.waiting.push(waiter);
      leave = () => {
        if (this.remove(waiter)) resolve('left');
      };
    });
    return { turn, leave };
  }

  private slot(): Release {
    this.running += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running -= 1;
      const next = this.waiting.shift();
      if (next) {
        clearTimeout(next.timer);
        next.grant(this.slot());
      }
    };
  }

  private remove(waiter: Waiter): boolean {
    const index = this.waiting.indexOf(waiter);
    if (index < 0) return false;
    this.waiting.splice(index, 1);
    clearTimeout(waiter.timer);
    return true;
  }
}
