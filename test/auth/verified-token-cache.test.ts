import { withVerifiedTokenCache } from '../../src/auth/verified-token-cache';
import { InvalidTokenError, type VerifiedToken } from '../../src/auth/jwt-verifier';

/** A verifier that counts its calls and answers from a table: what the cache saves is the calls not made. */
function countingVerifier(answers: Record<string, VerifiedToken | Error>) {
  const calls: string[] = [];
  const verify = async (token: string) => {
    calls.push(token);
    const answer = answers[token];
    if (answer === undefined || answer instanceof Error) throw answer ?? new InvalidTokenError('unknown');
    return answer;
  };
  return { verify, calls };
}

const T0 = Date.UTC(2026, 11, 1, 12);
const seconds = (ms: number) => Math.floor(ms / 1000);

describe('verified-token cache', () => {
  let clock = T0;
  const options = { maxEntries: 2, maxAgeMs: 60_000, clockToleranceSeconds: 30, now: () => clock };
  beforeEach(() => (clock = T0));

  it('checks a token once and answers the same verification while it is fresh', async () => {
    const alice: VerifiedToken = { subject: 'alice', scopes: new Set(['users:read']), expiresAt: seconds(T0) + 3600 };
    const { verify, calls } = countingVerifier({ a: alice });
    const cached = withVerifiedTokenCache(verify, options);
    expect(await cached('a')).toBe(alice);
    clock += 59_000;
    expect(await cached('a')).toBe(alice);
    expect(calls).toEqual(['a']);
    clock += 1_000;
    await cached('a');
    expect(calls).toEqual(['a', 'a']);
  });

  it('never trusts a cached token past its exp plus the clock tolerance', async () => {
    const { verify, calls } = countingVerifier({ short: { subject: 's', scopes: new Set(), expiresAt: seconds(T0) + 10 } });
    const cached = withVerifiedTokenCache(verify, options);
    await cached('short');
    clock += 39_999;
    await cached('short');
    expect(calls).toHaveLength(1);
    clock += 1;
    await cached('short');
    expect(calls).toHaveLength(2);
  });

  it('checks a refused token again every time', async () => {
    const { verify, calls } = countingVerifier({ bad: new InvalidTokenError('The bearer token has expired.') });
    const cached = withVerifiedTokenCache(verify, options);
    await expect(cached('bad')).rejects.toThrow('The bearer token has expired.');
    await expect(cached('bad')).rejects.toThrow('The bearer token has expired.');
    expect(calls).toEqual(['bad', 'bad']);
  });

  it('keeps at most maxEntries tokens, forgetting the least recently used', async () => {
    const token = (subject: string): VerifiedToken => ({ subject, scopes: new Set(), expiresAt: seconds(T0) + 3600 });
    const { verify, calls } = countingVerifier({ a: token('a'), b: token('b'), c: token('c') });
    const cached = withVerifiedTokenCache(verify, options);
    for (const t of ['a', 'b', 'a', 'c', 'a', 'b']) await cached(t);
    expect(calls).toEqual(['a', 'b', 'c', 'b']);
  });
});
