import type { ApolloServer } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import bodyParser from 'body-parser';
import cors from 'cors';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Context } from './context';

export const GRAPHQL_PATH = '/graphql';
export const HEALTH_PATH = '/health';

type Middleware = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

const corsHandler = cors() as Middleware;
const jsonBody = bodyParser.json({ limit: '1mb' }) as Middleware;

function run(middleware: Middleware, req: IncomingMessage, res: ServerResponse): Promise<void> {
  return new Promise((resolve, reject) => middleware(req, res, (error) => (error ? reject(error) : resolve())));
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

/**
 * The `node:http` routes: `GET /health`, and Apollo at `/graphql`. Apollo's standalone server answers on
 * every path and has no health route; this keeps the surface to exactly what we serve.
 */
export function subgraphRoutes(apollo: ApolloServer<Context>, context: () => Promise<Context>): RequestListener {
  return (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === HEALTH_PATH && (req.method === 'GET' || req.method === 'HEAD')) {
      sendJson(res, 200, { status: 'ok' });
      return;
    }
    if (path !== GRAPHQL_PATH) {
      sendJson(res, 404, { error: `Not found. GraphQL is served at ${GRAPHQL_PATH}.` });
      return;
    }
    handleGraphQL(apollo, context, req, res).catch((error: { status?: number; type?: string }) => {
      // body-parser errors carry an HTTP status (400 bad JSON, 413 too large, 415 charset); say only that.
      const status = typeof error.status === 'number' && error.status < 500 ? error.status : 500;
      if (!res.headersSent) sendJson(res, status, { errors: [{ message: status === 500 ? 'Internal server error' : `Bad request (${error.type ?? 'invalid body'})` }] });
      else res.end();
    });
  };
}

async function handleGraphQL(apollo: ApolloServer<Context>, context: () => Promise<Context>, req: IncomingMessage, res: ServerResponse): Promise<void> {
  await run(corsHandler, req, res);
  if (req.method === 'OPTIONS') return; // cors answered the preflight
  await run(jsonBody, req, res);
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  const url = req.url ?? '/';
  const response = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: {
      method: (req.method ?? 'GET').toUpperCase(),
      headers,
      search: url.includes('?') ? url.slice(url.indexOf('?')) : '',
      body: (req as IncomingMessage & { body?: unknown }).body,
    },
    context,
  });
  for (const [key, value] of response.headers) res.setHeader(key, value);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') {
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}
