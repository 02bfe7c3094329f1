import type { IncomingHttpHeaders } from 'node:http';
import { ROUTER, TRUSTED, type AccessConfig, type Caller } from './caller';
import { createJwtVerifier, InvalidTokenError } from './jwt-verifier';
import { ROUTER_AUTHORIZATION_HEADER, routerSecretMatcher } from './router-secret';

/** A request refused before it reaches GraphQL: answered 401 with `extensions.code` UNAUTHENTICATED. */
export class Unauthenticated extends Error {
  override name = 'Unauthenticated';
  constructor(
    message: string,
    /** The `WWW-Authenticate` challenge, for bearer-token refusals. */
    readonly challenge?: string,
  ) {
    super(message);
  }
}

/** Decides from the headers alone, before the body is read, who the caller is, or refuses the request. */
export type RequestGuard = (headers: IncomingHttpHeaders) => Promise<Caller>;

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

function bearerToken(authorization: string | undefined): string | undefined {
  const match = /^Bearer +([^ ]+) *$/i.exec(authorization ?? '');
  return match?.[1];
}

export function createRequestGuard(access: AccessConfig): RequestGuard {
  const fromRouter = access.routerSecret === undefined ? undefined : routerSecretMatcher(access.routerSecret);
  const verify = access.jwt && createJwtVerifier(access.jwt);
  return async (headers) => {
    if (fromRouter && !fromRouter(single(headers[ROUTER_AUTHORIZATION_HEADER]))) {
      throw new Unauthenticated('This subgraph answers only its router.');
    }
    if (!verify) return fromRouter ? ROUTER : TRUSTED;
    const token = bearerToken(single(headers.authorization));
    if (!token) throw new Unauthenticated('A bearer token is required: Authorization: Bearer <JWT>.', 'Bearer');
    try {
      const { subject, scopes, clientId } = await verify(token);
      return { kind: 'verified', subject, scopes, ...(clientId === undefined ? {} : { clientId }) };
    } catch (error) {
      if (error instanceof InvalidTokenError) throw new Unauthenticated(error.message, 'Bearer error="invalid_token"');
      throw error;
    }
  };
}
