import { LRUCache } from 'lru-cache';
import type { Reply } from './http-io';

/** Reads whose answer depends on the request alone: every GET, and the two POSTs that only read. */
const READ_POSTS = new Set(['/role-store/api/v1/users/search', '/role-store/api/v1/roles/resolve']);
/** Enough for every distinct read a benchmark makes; the oldest are dropped beyond it. */
const MAX_ANSWERS = 20_000;

/**
 * The simulator's precomputed-response mode: the first 200 answer to a read (method, URL with its query, body) is
 * serialized once and kept; the same read is then answered with those bytes, so the simulator's CPU per call is
 * the HTTP exchange alone. Counting, latency, failures, faults and the token check still apply to every call (the
 * server does them before it asks here). Any other call (a write) clears every kept answer, so none goes stale.
 */
export class PrecomputedAnswers {
  private readonly answers = new LRUCache<string, Buffer>({ max: MAX_ANSWERS });

  answer(method: string, template: string, url: string, body: string, compute: () => Reply | Promise<Reply>): Reply | Promise<Reply> {
    if (!(method === 'GET' || (method === 'POST' && READ_POSTS.has(template)))) {
      this.answers.clear();
      return compute();
    }
    const key = `${method} ${url}\n${body}`;
    const kept = this.answers.get(key);
    if (kept) return { status: 200, raw: kept };
    const keep = (reply: Reply): Reply => {
      if (reply.status !== 200 || reply.body === undefined || reply.headers) return reply;
      const raw = Buffer.from(JSON.stringify(reply.body));
      this.answers.set(key, raw);
      return { status: 200, raw };
    };
    const reply = compute();
    return reply instanceof Promise ? reply.then(keep) : keep(reply);
  }

  get size(): number {
    return this.answers.size;
  }
}
