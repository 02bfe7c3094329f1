import { MemoryCache, MemoryKeyValueStore } from '../../datasources/cache';
import { RequestScope, runInRequestScope } from '../../datasources/v41/request-scope';
import { actorOf, idempotencyKeyField, IdempotencyKeys, LockTimeout, UserLocks, writePolicy } from '../../src/writes';
import { rebuildExplicitList } from '../../src/grants/explicit-list';
import { handleOf, intendedHandle, sameTerms } from '../../src/grants/grant-terms';
import { checkGrantInput } from '../../src/grants/validate-grant';
import { GrantType } from '../../src/types';

/** The write foundation's parts alone (src/writes, src/grants): no server, no upstream. */
describe('the write policy', () => {
  it.each([
    [{ production: false, writesEnabled: undefined, verifiedCallers: false }, true],
    [{ production: true, writesEnabled: undefined, verifiedCallers: true }, true],
    [{ production: true, writesEnabled: undefined, verifiedCallers: false }, false],
    [{ production: true, writesEnabled: true, verifiedCallers: false }, true],
    [{ production: false, writesEnabled: false, verifiedCallers: true }, false],
  ])('%j: writes on = %s', (settings, enabled) => {
    expect(writePolicy(settings).enabled).toBe(enabled);
  });

  it('names the actor: token subject and client, the router, or development', () => {
    expect(actorOf({ kind: 'verified', subject: 'ann', scopes: new Set(), clientId: 'portal' })).toEqual({ kind: 'token', subject: 'ann', clientId: 'portal' });
    expect(actorOf({ kind: 'trusted', via: 'router' })).toEqual({ kind: 'router' });
    expect(actorOf({ kind: 'trusted' })).toEqual({ kind: 'development' });
  });
});

describe('idempotency keys', () => {
  it.each([
    ['', false],
    ['a', true],
    ['k'.repeat(128), true],
    ['k'.repeat(129), false],
    ['tab\there', false],
    ['ünïcode', false],
    ['ticket 4711 / retry', true],
  ])('%j is a valid key: %s', (key, valid) => {
    expect(idempotencyKeyField(key)).toHaveLength(valid ? 0 : 1);
  });

  it('first, replay with the same input, refusal with another; an abandoned key runs again', async () => {
    const keys = new IdempotencyKeys(new MemoryKeyValueStore(), 10_000);
    const first = await keys.claim('op', 'k1', { a: 1, b: [1, 2] });
    expect(first.kind).toBe('first');
    if (first.kind === 'first') await first.finish({ answer: 42 });
    expect(await keys.claim('op', 'k1', { b: [1, 2], a: 1 })).toEqual({ kind: 'replay', payload: { answer: 42 } });
    expect(await keys.claim('op', 'k1', { a: 2 })).toEqual({ kind: 'reused' });
    expect((await keys.claim('other-op', 'k1', { a: 2 })).kind).toBe('first');
    const abandoned = await keys.claim('op', 'k2', {});
    if (abandoned.kind === 'first') await abandoned.abandon();
    expect((await keys.claim('op', 'k2', {})).kind).toBe('first');
  });

  it('a repeat waits for a first request still running, then replays it', async () => {
    const keys = new IdempotencyKeys(new MemoryKeyValueStore(), 10_000);
    const first = await keys.claim('op', 'k', { x: 1 });
    const second = keys.claim('op', 'k', { x: 1 });
    await new Promise((resolve) => setTimeout(resolve, 60));
    if (first.kind === 'first') await first.finish('done');
    expect(await second).toEqual({ kind: 'replay', payload: 'done' });
  });
});

describe('per-user locks', () => {
  it('serialises work on one user and lets other users run alongside', async () => {
    const locks = new UserLocks(new MemoryKeyValueStore(), 5_000);
    const order: string[] = [];
    const step = (name: string, ms: number) => async () => {
      order.push(`${name} start`);
      await new Promise((resolve) => setTimeout(resolve, ms));
      order.push(`${name} end`);
    };
    await Promise.all([locks.withLock('u1', step('a', 30)), locks.withLock('U1', step('b', 1)), locks.withLock('u2', step('c', 1))]);
    expect(order.indexOf('b start')).toBeGreaterThan(order.indexOf('a end'));
    expect(order.indexOf('c end')).toBeLessThan(order.indexOf('a end'));
  });

  it('gives up at the request deadline while another holder (another replica) keeps the lock, and releases on a throw', async () => {
    const store = new MemoryKeyValueStore();
    await store.setIfAbsent('lock:user:u1', 'another-replica', 5_000);
    const locks = new UserLocks(store, 5_000);
    await expect(runInRequestScope(new RequestScope(100, 10), () => locks.withLock('u1', async () => 'never'))).rejects.toBeInstanceOf(LockTimeout);
    await expect(locks.withLock('u2', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await store.get('lock:user:u2')).toBeUndefined();
  });
});

describe('the explicit list sent back', () => {
  const current = [
    { id: 'r1', name: 'one', explicit: true, grant_type: 'TIME_RESTRICTED', grant_start: '2030-01-01T00:00:00+02:00', grant_end: '2030-02-01T00:00:00Z', grant_validity_periods: [{ grant_start: '2030-01-01T00:00:00+02:00', grant_end: '2030-02-01T00:00:00Z' }], permissions: ['x'] },
    { id: 'r2', name: 'two', explicit: false, implicit: true, grant_type: 'PERMANENT' },
    { id: 'r3', name: 'three', explicit: true, grant_type: 'FLOATING', floating_length: 8 },
  ];

  it('copies other explicit grants field for field, leaves mapped roles out, upserts in place', () => {
    const grant = intendedHandle({ roleId: 'r3', roleName: 'three', grantType: 'FLOATING', floatingHours: 2 });
    expect(rebuildExplicitList(current, { kind: 'grant', handle: grant })).toEqual([
      { id: 'r1', name: 'one', explicit: true, grant_type: 'TIME_RESTRICTED', grant_start: '2030-01-01T00:00:00+02:00', grant_end: '2030-02-01T00:00:00Z', grant_validity_periods: [{ grant_start: '2030-01-01T00:00:00+02:00', grant_end: '2030-02-01T00:00:00Z' }] },
      { id: 'r3', name: 'three', explicit: true, grant_type: 'FLOATING', floating_length: 2 },
    ]);
    expect(rebuildExplicitList(current, { kind: 'revoke', roleIds: new Set(['R1']) })).toEqual([handleOf(current[2]!)]);
  });

  it('builds TIME_RESTRICTED terms spanning the periods, and compares instants as instants', () => {
    const handle = intendedHandle({
      roleId: 'r9',
      roleName: undefined,
      grantType: 'TIME_RESTRICTED',
      periods: [
        { start: new Date('2031-05-01T10:00:00Z'), end: new Date('2031-05-01T12:00:00Z') },
        { start: new Date('2031-04-01T10:00:00Z'), end: new Date('2031-04-01T12:00:00Z') },
      ],
    });
    expect(handle).toMatchObject({ grant_start: '2031-04-01T10:00:00Z', grant_end: '2031-05-01T12:00:00Z' });
    expect(handle.grant_validity_periods?.map((p) => p.grant_start)).toEqual(['2031-04-01T10:00:00Z', '2031-05-01T10:00:00Z']);
    expect(sameTerms(handle, { ...handle, grant_validity_periods: handle.grant_validity_periods?.map((p) => ({ grant_start: p.grant_start.replace('Z', '.000+00:00'), grant_end: p.grant_end })) })).toBe(true);
    expect(sameTerms(handle, { ...handle, grant_type: 'PERMANENT' })).toBe(false);
  });

  it('checks the input before anything is read', () => {
    const ok = { userId: '6f1c3b7e-8a4d-4c2b-9e1f-2a3b4c5d6e7f', roleId: '6f1c3b7e-8a4d-4c2b-9e1f-2a3b4c5d6e70' };
    expect(checkGrantInput({ ...ok, grantType: GrantType.PERMANENT })).toEqual([]);
    expect(checkGrantInput({ ...ok, grantType: GrantType.PERMANENT, floatingHours: 3 }).map((e) => e.field)).toEqual([['input', 'floatingHours']]);
    expect(checkGrantInput({ ...ok, grantType: GrantType.FLOATING, floatingHours: 1, periods: [] }).map((e) => e.field)).toEqual([['input', 'periods']]);
  });
});

describe('cache invalidation', () => {
  it('forgets a key, and does not keep a load that was in flight when it was invalidated', async () => {
    const cache = new MemoryCache({ ttlSeconds: 60, maxRecords: 100 });
    expect(await cache.getOrLoad('k', async () => 'old')).toBe('old');
    await cache.invalidate(['k']);
    let finish!: (value: string) => void;
    const inFlight = cache.getOrLoad('k', () => new Promise<string>((resolve) => (finish = resolve)));
    await cache.invalidate(['k']);
    finish('read before the write');
    expect(await inFlight).toBe('read before the write');
    expect(await cache.getOrLoad('k', async () => 'new')).toBe('new');
  });
});
