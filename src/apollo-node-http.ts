import { HeaderMap, type HTTPGraphQLRequest, type HTTPGraphQLResponse } from '@apollo/server';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Apollo Server on bare `node:http`, as its standalone server does it: the request as Apollo reads it (the body
 * already parsed as JSON by body-parser) and its answer written back, streamed when it is incremental. The
 * subgraph's edge and the supergraph example's gateway both serve GraphQL this way.
 */
export function httpGraphQLRequestOf(req: IncomingMessage & { body?: unknown }): HTTPGraphQLRequest {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  const url = req.url ?? '/';
  return {
    method: (req.method ?? 'GET').toUpperCase(),
    headers,
    search: url.includes('?') ? url.slice(url.indexOf('?')) : '',
    body: req.body,
  };
}

export async function sendHTTPGraphQLResponse(res: ServerResponse, response: HTTPGraphQLResponse): Promise<void> {
  for (const [key, value] of response.headers) res.setHeader(key, value);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') {
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}
