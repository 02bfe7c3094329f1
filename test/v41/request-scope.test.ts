import { createContext } from '../../src/context';
import type { Upstream } from '../../datasources/upstream';
import { createSubscriptionContext } from '../../src/subscriptions/subscription-context';
import { currentRequestScope, RequestScope, runDetached, runInRequestScope, ScopeSlot } from '../../datasources/v41/request-scope';
import { V41DeadlineError } from '../../datasources/v41/errors';

/**
 * One scope per request (issue 22, section 4): its bounds, its clock, its memo, its upstream usage and what the
 * layers above keep of it, in one object the async context carries and the GraphQL context holds.
 */
describe('the request scope', () => {
  const upstream = { client: {}, catalog: {} } as unknown as Upstream;
  const BOUNDS = { timeoutMs: 10_000, callBudget: 5 };

  it('is the context\'s request state when the context is made within it', () => {
    const scope = new RequestScope(10_000, 5);
    const context = runInRequestScope(scope, () => createContext(upstream));
    expect(context.request).toBe(scope);
    expect(createContext(upstream).request).not.toBe(scope);
  });

  it('reads "now" once', async () => {
    const scope = new RequestScope(10_000, 5);
    const now = scope.now();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(scope.now()).toBe(now);
  });

  it('keeps what a layer above puts in a slot, typed by the slot', () => {
    const scope = new RequestScope(10_000, 5);
    const slot = new ScopeSlot<{ requestId: string }>('test');
    expect(scope.get(slot)).toBeUndefined();
    scope.set(slot, { requestId: 'r-1' });
    expect(scope.get(slot)?.requestId).toBe('r-1');
    expect(scope.get(new ScopeSlot<{ requestId: string }>('other'))).toBeUndefined();
  });

  it('a shared load runs in a scope of its own bounds, reporting to the request that started it', async () => {
    const starter = new RequestScope(10_000, 1);
    const slot = new ScopeSlot<string>('log');
    starter.set(slot, 'starter log');
    const inner = await runInRequestScope(starter, () =>
      runDetached(BOUNDS, async () => {
        const scope = currentRequestScope() as RequestScope;
        scope.charge('GET /roles');
        scope.charge('GET /roles/:id/members');
        return scope;
      }),
    );
    expect(inner).not.toBe(starter);
    expect(starter.callsMade).toBe(0);
    expect(inner.callsMade).toBe(2);
    expect(inner.usage).toBe(starter.usage);
    expect(inner.get(slot)).toBe('starter log');
    expect(inner.memo).not.toBe(starter.memo);
  });

  it('a deadline already passed aborts at once, however late the signal is first asked for', () => {
    const late = new RequestScope(100, 5, Date.now() - 1_000);
    expect(late.remainingMs()).toBe(0);
    expect(late.signal.aborted).toBe(true);
    expect(() => late.charge('GET /roles')).toThrow(V41DeadlineError);
  });

  it('a subscription gets a scope per event, never the scope of the request that opened it', () => {
    const opening = new RequestScope(10_000, 5);
    const context = runInRequestScope(opening, () => createSubscriptionContext(upstream, { kind: 'trusted' }, undefined, { timeoutMs: 10_000, callBudget: 7 }));
    const first = context.request;
    expect(first).not.toBe(opening);
    expect(first.callBudget).toBe(7);
    context.event?.renew();
    expect(context.request).not.toBe(first);
    expect(context.request.callBudget).toBe(7);
  });
});
