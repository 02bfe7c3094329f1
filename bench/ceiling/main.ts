import 'reflect-metadata';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createContext, createUpstream, loadConfig } from '../../src';
import { operations } from './operations';

/**
 * The benchmark's ceiling: plain `node:http`, no GraphQL. Answers exactly the benchmark's operations (by
 * operation name) with the product's datasources and JSON.stringify, so it prices GraphQL itself. Reads the
 * product's environment (V41_*, PORT, HOST, CACHE_*).
 */

function send(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

async function readJson(req: IncomingMessage): Promise<{ operationName?: string; variables?: Record<string, unknown> }> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.upstream) throw new Error('V41_BASE_URL is required');
  const upstream = createUpstream({ ...config.upstream, timeoutMs: config.upstreamTimeoutMs }, config);

  const server = createServer((req, res) => {
    if (req.url === '/health') return send(res, 200, '{"status":"ok"}');
    if (req.method !== 'POST' || req.url !== '/graphql') return send(res, 404, '{"error":"not found"}');
    readJson(req)
      .then(async ({ operationName, variables }) => {
        const operation = operationName ? operations[operationName] : undefined;
        if (!operation) return send(res, 400, JSON.stringify({ errors: [{ message: `unknown operation ${operationName}` }] }));
        const data = await operation(createContext(upstream), variables ?? {});
        send(res, 200, JSON.stringify({ data }));
      })
      .catch((error: unknown) => send(res, 500, JSON.stringify({ errors: [{ message: (error as Error).message }] })));
  });
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const { port } = server.address() as AddressInfo;
  console.log(`Ceiling ready at http://${config.host}:${port}/graphql`);
  process.once('SIGTERM', () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
}

main().catch((error: unknown) => {
  console.error('Ceiling failed to start:', error);
  process.exit(1);
});
