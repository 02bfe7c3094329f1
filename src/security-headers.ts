import helmet from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';

type Middleware = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

/**
 * Helmet's headers on every response (`x-content-type-options: nosniff`, `referrer-policy: no-referrer`,
 * frame and cross-origin policies). In production, where nothing serves HTML, a CSP that allows nothing: any
 * HTML that ever slips out can run no script and be framed by no one. In development the CSP is left off, as the
 * Sandbox landing page loads Apollo's scripts. HSTS is left to whatever terminates TLS in front of us.
 */
export function securityHeaders(production: boolean): Middleware {
  return helmet({
    contentSecurityPolicy: production
      ? { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] } }
      : false,
    strictTransportSecurity: false,
  }) as Middleware;
}
