import { setTimeout as sleep } from 'node:timers/promises';
import { captureLogs } from '../helpers/log-capture';
import { foreignKey, IdentityProvider } from '../helpers/identity-provider';
import { startStack, type Stack } from '../helpers/stack';

const QUERY = '{ users(first: 1) { nodes { id } } }';
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function post(stack: Stack, token: string): Promise<{ status: number; message?: string; code?: unknown }> {
  const response = await stack.query(QUERY, undefined, bearer(token));
  return { status: response.status, message: response.errors?.[0]?.message, code: response.errors?.[0]?.extensions?.code };
}

describe('a token without exp', () => {
  it('is refused: 401 UNAUTHENTICATED saying why, though its signature, issuer and audience are good', async () => {
    const idp = await IdentityProvider.start();
    const stack = await startStack({ access: idp.settings(), production: true });
    try {
      expect(await post(stack, await idp.sign({ expiresIn: null }))).toEqual({
        status: 401,
        message: 'The bearer token has no "exp" claim: tokens that never expire are refused.',
        code: 'UNAUTHENTICATED',
      });
      expect((await post(stack, await idp.sign())).status).toBe(200);
    } finally {
      await stack.close();
      await idp.close();
    }
  });
});

describe('a slow key set and random kids', () => {
  let idp: IdentityProvider;
  let stack: Stack;
  beforeAll(async () => {
    idp = await IdentityProvider.start();
    // Short timings so the test is fast: a 1 s key-set timeout, 2 slots and no queue.
    stack = await startStack({
      access: idp.settings(0, { timeoutMs: 1_000, maxWaiters: 3 }),
      admission: { maxInFlight: 2, maxQueued: 0, maxQueueWaitMs: 100 },
    });
  });
  afterAll(async () => {
    await stack.close();
    await idp.close();
  });

  it('take no slot from a caller whose key is known: every one of its requests is served, the kids are refused 401', async () => {
    const verified = await idp.sign({}, 'verified-caller');
    expect((await post(stack, verified)).status).toBe(200); // key set read, token verified and remembered
    const fetchesBefore = idp.fetches;
    idp.delayMs = 5_000; // far past the key-set timeout
    const forger = await foreignKey();
    const attacks = await Promise.all(Array.from({ length: 10 }, (_, i) => idp.sign({ forgeWith: forger, kid: `random-${i}` }, `attacker-${i}`)));
    const attacking = attacks.map((token) => post(stack, token));
    await sleep(100); // the attackers now wait for the key set (or were refused)
    const served: number[] = [];
    for (let i = 0; i < 8; i += 1) served.push((await post(stack, verified)).status);
    // A new token signed with the known key verifies from the held set, without waiting for the slow endpoint.
    served.push((await post(stack, await idp.sign({}, 'new-token'))).status);
    expect(served).toEqual(Array.from({ length: 9 }, () => 200));
    const refused = await Promise.all(attacking);
    expect(refused.every((r) => r.status === 401 && r.code === 'UNAUTHENTICATED')).toBe(true);
    // At most 3 waited for the one read; the others were refused at once.
    expect(refused.filter((r) => r.message === 'The signing keys are being read; retry shortly.').length).toBeGreaterThanOrEqual(7);
    expect(idp.fetches - fetchesBefore).toBe(1);
    idp.delayMs = 0;
  });
});

describe('a key set endpoint down for longer than the key set is kept', () => {
  it('keeps verifying with the last good set for a bounded time, logged at warn, then refuses; recovers when it is back', async () => {
    const idp = await IdentityProvider.start();
    const logs = captureLogs('warn');
    const maxAgeMs = 300;
    const staleIfErrorMs = 1_500;
    const stack = await startStack({ access: idp.settings(0, { maxAgeMs, staleIfErrorMs }), logger: logs.logger });
    try {
      expect((await post(stack, await idp.sign({}, 'first'))).status).toBe(200);
      const readAt = Date.now();
      idp.failWith = 503;
      await sleep(maxAgeMs + 100);
      // A new token (never verified before) of the same key: the set is past its age and cannot be re-read.
      expect(await post(stack, await idp.sign({}, 'second'))).toMatchObject({ status: 200 });
      await sleep(100); // the background re-read fails and says so
      const warnings = logs.lines().filter((l) => l.level === 'warn' && String(l.msg).startsWith('The signing key set could not be read (HTTP 503)'));
      expect(warnings.length).toBeGreaterThan(0);
      expect(String(warnings[0]!.msg)).toContain('tokens are verified with the last good set');

      await sleep(Math.max(0, readAt + maxAgeMs + staleIfErrorMs + 100 - Date.now()));
      expect(await post(stack, await idp.sign({}, 'third'))).toEqual({
        status: 401,
        message: 'The signing keys to verify the bearer token could not be read.',
        code: 'UNAUTHENTICATED',
      });

      idp.failWith = undefined;
      expect((await post(stack, await idp.sign({}, 'fourth'))).status).toBe(200);
    } finally {
      await stack.close();
      await idp.close();
    }
  });
});
