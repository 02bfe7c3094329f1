import type { IncomingHttpHeaders } from 'node:http';
import type { Reply } from './http-io';

export interface RouteContext {
  params: Record<string, string>;
  query: URLSearchParams;
  /** The raw request body ('' when none). */
  body: string;
  headers: IncomingHttpHeaders;
}

export type Handler = (context: RouteContext) => Reply | Promise<Reply>;

/**
 * What the server does around a handler:
 * - `data`: a counted upstream call (stats, latency, failure rate and faults apply) that needs a bearer token;
 * - `status`: a counted call without token (readiness checks);
 * - `auth`: the token endpoint: never counted, delayed or failed, so auth noise stays out of call budgets;
 * - `admin`: the simulator's own controls.
 */
export type RouteKind = 'data' | 'status' | 'auth' | 'admin';

export interface Route {
  method: string;
  /** e.g. `/role-store/api/v1/users/:id/roles`: the stats key is `METHOD template`. */
  template: string;
  kind: RouteKind;
  handler: Handler;
}

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

interface CompiledRoute {
  route: Route;
  segments: string[];
  literals: number;
}

/** Segment-wise template matching; where two templates match, the one with more literal segments wins. */
export class Router {
  private readonly routes: CompiledRoute[] = [];

  add(...routes: Route[]): this {
    for (const route of routes) {
      const segments = route.template.split('/').filter((s) => s !== '');
      this.routes.push({ route, segments, literals: segments.filter((s) => !s.startsWith(':')).length });
    }
    return this;
  }

  match(method: string, path: string): RouteMatch | undefined {
    const parts = path.split('/').filter((s) => s !== '');
    let best: (RouteMatch & { literals: number }) | undefined;
    for (const compiled of this.routes) {
      if (compiled.route.method !== method || compiled.segments.length !== parts.length) continue;
      const params = matchSegments(compiled.segments, parts);
      if (params && (!best || compiled.literals > best.literals)) best = { route: compiled.route, params, literals: compiled.literals };
    }
    return best && { route: best.route, params: best.params };
  }
}

function matchSegments(template: readonly string[], parts: readonly string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (let i = 0; i < template.length; i += 1) {
    const expected = template[i] as string;
    const actual = parts[i] as string;
    if (expected.startsWith(':')) {
      try {
        params[expected.slice(1)] = decodeURIComponent(actual);
      } catch {
        return undefined; // a malformed escape cannot name anything
      }
    } else if (expected !== actual) {
      return undefined;
    }
  }
  return params;
}
