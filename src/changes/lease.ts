import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';

/** Who polls: one replica of the deployment at a time. */
export interface Lease {
  /** `acquired`: ours from now on (reload shared state); `held`: still ours; `lost`: another replica polls. */
  claim(): Promise<'acquired' | 'held' | 'lost'>;
  release(): Promise<void>;
}

/** Without Redis the process is the deployment: the lease is always its own. */
export class ProcessLease implements Lease {
  private first = true;
  async claim(): Promise<'acquired' | 'held'> {
    const claimed = this.first ? 'acquired' : 'held';
    this.first = false;
    return claimed;
  }
  async release(): Promise<void> {}
}

/** Extends the lease only while it is still ours. */
const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

/**
 * A lease in Redis (`SET NX PX`, renewed each poll): the replica holding it polls, the others serve. It outlives
 * a few missed polls (`ttlMs`), so a replica that dies hands over within that time.
 */
export class RedisLease implements Lease {
  private readonly token = randomUUID();
  private held = false;

  constructor(
    private readonly redis: Redis,
    private readonly key: string,
    private readonly ttlMs: number,
  ) {}

  async claim(): Promise<'acquired' | 'held' | 'lost'> {
    if (this.held && Number(await this.redis.eval(RENEW, 1, this.key, this.token, String(this.ttlMs))) === 1) return 'held';
    this.held = (await this.redis.set(this.key, this.token, 'PX', this.ttlMs, 'NX')) === 'OK';
    return this.held ? 'acquired' : 'lost';
  }

  async release(): Promise<void> {
    if (!this.held) return;
    this.held = false;
    await this.redis.eval(RELEASE, 1, this.key, this.token).catch(() => undefined);
  }
}
