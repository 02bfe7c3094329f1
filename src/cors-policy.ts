import cors from 'cors';
import type { IncomingMessage, ServerResponse } from 'node:http';

type Middleware = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

/** `*`: any origin (the development default, for Apollo Sandbox); a list: exactly those origins; empty: none. */
export type CorsOrigins = '*' | readonly string[];

/**
 * What a browser client of an allowed origin may send. `router-authorization` is deliberately absent: it is
 * server-to-server only, and a browser has no business carrying the router's secret.
 */
const ALLOWED_HEADERS = ['content-type', 'authorization', 'apollo-require-preflight', 'x-apollo-operation-name', 'apollographql-client-name', 'apollographql-client-version'];

const noCors: Middleware = (_req, _res, next) => next();

export function corsPolicy(origins: CorsOrigins): Middleware {
  if (origins === '*') return cors() as Middleware;
  if (origins.length === 0) return noCors; // no CORS headers: browsers on other origins are refused
  return cors({ origin: [...origins], methods: ['GET', 'POST'], allowedHeaders: ALLOWED_HEADERS, maxAge: 600 }) as Middleware;
}
