import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export const ISSUER = 'https://idp.test/';
export const AUDIENCE = 'identity-subgraph';

interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  jwk: JWK;
}

async function newKey(kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  return { kid, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' } };
}

export interface TokenOptions {
  scope?: string;
  scp?: string[];
  issuer?: string;
  audience?: string;
  /** Seconds from now; negative for a token that has already expired. */
  expiresIn?: number;
  /** Sign with this key instead of a published one (a forgery), under the given `kid`. */
  forgeWith?: CryptoKey;
  kid?: string;
  /** The OAuth client the token is issued to (`client_id`). */
  clientId?: string;
}

/**
 * A stand-in identity provider on loopback: an ES256 key set served as a JWKS (fetches counted), and tokens
 * signed with jose the way a real provider signs them. Keys can be rotated to exercise the verifier's refresh.
 */
export class IdentityProvider {
  /** How often the key set was read. */
  fetches = 0;
  private keys: SigningKey[] = [];
  private readonly server = createServer((req, res) => {
    if (req.url !== '/jwks.json') {
      res.writeHead(404).end();
      return;
    }
    this.fetches += 1;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: this.keys.map((k) => k.jwk) }));
  });

  static async start(): Promise<IdentityProvider> {
    const provider = new IdentityProvider();
    await provider.rotate();
    await new Promise<void>((resolve) => provider.server.listen(0, '127.0.0.1', resolve));
    return provider;
  }

  get jwksUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/jwks.json`;
  }

  /** Publishes a new signing key, which then signs new tokens; the old one stays published. */
  async rotate(): Promise<string> {
    const key = await newKey(`key-${this.keys.length + 1}`);
    this.keys.unshift(key);
    return key.kid;
  }

  async sign(options: TokenOptions = {}, subject = 'alice'): Promise<string> {
    const key = this.keys[0]!;
    const claims: JWTPayload = {};
    if (options.scope !== undefined) claims.scope = options.scope;
    if (options.scp !== undefined) claims.scp = options.scp;
    if (options.clientId !== undefined) claims.client_id = options.clientId;
    const now = Math.floor(Date.now() / 1000);
    const expiresIn = options.expiresIn ?? 300;
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid: options.kid ?? key.kid })
      .setSubject(subject)
      .setIssuer(options.issuer ?? ISSUER)
      .setAudience(options.audience ?? AUDIENCE)
      .setIssuedAt(Math.min(now, now + expiresIn - 60))
      .setExpirationTime(now + expiresIn)
      .sign(options.forgeWith ?? key.privateKey);
  }

  settings(keyRefreshCooldownMs?: number) {
    return { jwt: { jwksUrl: this.jwksUrl, issuer: ISSUER, audience: AUDIENCE, keyRefreshCooldownMs } };
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** A key no provider published: what a forger signs with. */
export async function foreignKey(): Promise<CryptoKey> {
  return (await generateKeyPair('ES256')).privateKey;
}
