import type { Upstream } from '../../datasources/upstream';
import type { V41RoleStoreUser } from '../../datasources/v41/models';
import { createContext } from '../../src/context';
import { oncePerUser } from '../../src/entities/per-user';
import { requestNow } from '../../src/entities/request-clock';

/**
 * Per-request memos live on the request's context (issue 21, section 3): a role-store record can be shared by
 * requests (the cached membership index's members are), and a memo keyed by it alone handed one request's
 * read, failed by that request's deadline or budget, to every later request.
 */
describe('the request state on the context', () => {
  const upstream = { client: {}, catalog: {} } as unknown as Upstream;
  const shared = { id: '0b4d7c2e-5f0a-4b8e-9c1d-2e3f4a5b6c7d' } as V41RoleStoreUser;

  it('one read per user and relation within a request, a fresh one in the next request', async () => {
    const a = createContext(upstream);
    const b = createContext(upstream);
    let reads = 0;
    const failing = () => {
      reads += 1;
      return Promise.reject(new Error('request A ran out of time'));
    };
    const first = oncePerUser(a, shared, 'assignments', failing);
    expect(oncePerUser(a, shared, 'assignments', failing)).toBe(first);
    await expect(first).rejects.toThrow('request A ran out of time');
    expect(await oncePerUser(b, shared, 'assignments', async () => ((reads += 1), ['role']))).toEqual(['role']);
    expect(reads).toBe(2);
  });

  it('"now" is read once per request', async () => {
    const a = createContext(upstream);
    const now = requestNow(a);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(requestNow(a)).toBe(now);
    expect(requestNow(createContext(upstream))).toBeGreaterThan(now);
  });
});
