import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { KeyValueStore } from '../../datasources/cache';
import { currentRequestScope } from '../../datasources/v41/request-scope';

const POLL_MS = 20;

/** A held lock: `renew` before a write that must still be under it; false means the lease was lost. */
export interface Lease {
  renew(): Promise<boolean>;
}

/** The lock could not be taken before the request's deadline: another write to the user is still running. */
export class LockTimeout extends Error {
  override name = 'LockTimeout';
}

/**
 * Serialises the writes to one user (docs/writes.md, "Role grants", step 1): an in-process queue per user, and,
 * with Redis, a lock every replica honours, taken with `SET NX PX` and a lease shorter than a request's deadline
 * so a replica that dies holding it blocks the user no longer than that. Released on every path.
 */
export class UserLocks {
  private readonly queues = new Map<string, Promise<void>>();

  constructor(
    private readonly store: KeyValueStore,
    /** Life of the shared lock: shorter than the request deadline, renewed before each write. */
    private readonly leaseMs: number,
  ) {}

  async withLock<T>(userId: string, work: (lease: Lease) => Promise<T>): Promise<T> {
    const id = userId.toLowerCase();
    const previous = this.queues.get(id) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => mine);
    this.queues.set(id, tail);
    try {
      await previous;
      return await this.withSharedLock(id, work);
    } finally {
      release();
      if (this.queues.get(id) === tail) this.queues.delete(id);
    }
  }

  private async withSharedLock<T>(id: string, work: (lease: Lease) => Promise<T>): Promise<T> {
    const key = `lock:user:${id}`;
    const token = randomUUID();
    while (!(await this.store.setIfAbsent(key, token, this.leaseMs))) {
      const scope = currentRequestScope();
      if (scope && scope.remainingMs() <= POLL_MS) throw new LockTimeout(`another write to user ${id} still holds its lock`);
      await sleep(POLL_MS);
    }
    try {
      return await work({ renew: () => this.store.extendIf(key, token, this.leaseMs) });
    } finally {
      await this.store.deleteIf(key, token);
    }
  }
}
