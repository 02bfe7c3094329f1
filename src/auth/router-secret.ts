import { createHash, timingSafeEqual } from 'node:crypto';

/** The header the router sends to prove a request came through it (a Router `headers: insert` rule). */
export const ROUTER_AUTHORIZATION_HEADER = 'router-authorization';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Compares in constant time. Both sides are hashed first so that `timingSafeEqual` sees equal lengths and the
 * comparison's duration reveals neither the secret's length nor how much of it a guess got right.
 */
export function routerSecretMatcher(secret: string): (given: string | undefined) => boolean {
  const expected = digest(secret);
  return (given) => given !== undefined && timingSafeEqual(digest(given), expected);
}
