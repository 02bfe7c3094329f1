import { decodeProtectedHeader, errors, type FlattenedJWSInput, type JWSHeaderParameters } from 'jose';
import { DEFAULT_KEY_SET_TIMING, KeySet, KeySetBusyError } from '../../src/auth/key-set';
import { foreignKey, IdentityProvider } from '../helpers/identity-provider';

const INPUT = {} as FlattenedJWSInput;

describe('KeySet', () => {
  let idp: IdentityProvider;
  let clock: number;
  const warnings: string[] = [];
  const keySet = (timing: Partial<typeof DEFAULT_KEY_SET_TIMING> = {}) => new KeySet(idp.jwksUrl, { ...DEFAULT_KEY_SET_TIMING, ...timing }, (m) => warnings.push(m), () => clock);
  const headerOf = async (kid?: string) => decodeProtectedHeader(await idp.sign(kid ? { kid, forgeWith: await foreignKey() } : {})) as JWSHeaderParameters;

  beforeEach(async () => {
    idp = await IdentityProvider.start();
    clock = 1_000_000;
    warnings.length = 0;
  });
  afterEach(() => idp.close());

  it('reads once, then serves held keys without reading again until the set ages', async () => {
    const keys = keySet();
    const header = await headerOf();
    await keys.getKey(header, INPUT);
    await keys.getKey(header, INPUT);
    expect(idp.fetches).toBe(1);
  });

  it('a failed read with nothing held: refused, and no new read before the cooldown (random kids cannot hammer the endpoint)', async () => {
    idp.failWith = 500;
    const keys = keySet({ cooldownMs: 30_000 });
    const header = await headerOf();
    await expect(keys.getKey(header, INPUT)).rejects.toBeInstanceOf(errors.JWKSInvalid);
    for (let i = 0; i < 5; i += 1) await expect(keys.getKey(await headerOf(`random-${i}`), INPUT)).rejects.toBeInstanceOf(errors.JWKSInvalid);
    expect(idp.fetches).toBe(1);
    expect(warnings).toEqual(['The signing key set could not be read (HTTP 500); tokens whose key is not held are refused']);
    idp.failWith = undefined;
    clock += 30_000;
    await expect(keys.getKey(header, INPUT)).resolves.toBeDefined();
    expect(idp.fetches).toBe(2);
  });

  it('an unknown kid re-reads at most once per cooldown', async () => {
    const keys = keySet({ cooldownMs: 30_000 });
    await keys.getKey(await headerOf(), INPUT);
    clock += 30_000;
    await expect(keys.getKey(await headerOf('random-1'), INPUT)).rejects.toBeInstanceOf(errors.JWKSNoMatchingKey);
    await expect(keys.getKey(await headerOf('random-2'), INPUT)).rejects.toBeInstanceOf(errors.JWKSNoMatchingKey);
    expect(idp.fetches).toBe(2);
  });

  it('at most maxWaiters wait for one read; the rest are refused at once', async () => {
    idp.delayMs = 300;
    const keys = keySet({ maxWaiters: 2 });
    const header = await headerOf();
    const outcomes = await Promise.allSettled(Array.from({ length: 5 }, () => keys.getKey(header, INPUT)));
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(2);
    expect(outcomes.filter((o) => o.status === 'rejected' && o.reason instanceof KeySetBusyError)).toHaveLength(3);
    expect(idp.fetches).toBe(1);
  });

  it('a read slower than timeoutMs fails as a timeout', async () => {
    idp.delayMs = 2_000;
    const keys = keySet({ timeoutMs: 100 });
    await expect(keys.getKey(await headerOf(), INPUT)).rejects.toBeInstanceOf(errors.JWKSTimeout);
  });

  it('an aged set serves at once while a background read refreshes it; past staleIfErrorMs of failures it stops', async () => {
    const keys = keySet({ maxAgeMs: 1_000, staleIfErrorMs: 5_000, cooldownMs: 0 });
    const header = await headerOf();
    await keys.getKey(header, INPUT);
    idp.failWith = 503;
    clock += 2_000;
    await expect(keys.getKey(header, INPUT)).resolves.toBeDefined();
    await new Promise((resolve) => setTimeout(resolve, 100)); // the background read fails
    expect(warnings).toEqual([expect.stringMatching(/^The signing key set could not be read \(HTTP 503\); tokens are verified with the last good set, read 2 s ago/)]);
    clock += 4_100; // 6.1 s after the read: past 1 s of age + 5 s of stale-if-error
    await expect(keys.getKey(header, INPUT)).rejects.toBeInstanceOf(errors.JWKSInvalid);
  });
});
