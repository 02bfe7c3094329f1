import 'reflect-metadata';
import { connect } from 'node:net';
import { startSimulator } from '../../datasources/simulator/server';
import { loadConfig } from '../../src/config';
import { startService } from '../../src/service';
import { postGraphQL } from '../../examples/supergraph/graphql-http';
import { startStack } from '../helpers/stack';
import { waitUntil } from '../helpers/wait-until';

describe('lifecycle', () => {
  it('stop (what SIGTERM runs) lets an in-flight request finish before the embedded simulator closes', async () => {
    const service = await startService(loadConfig({ PORT: '0', HOST: '127.0.0.1' }), undefined, { latencyMs: 300 });
    const inFlight = postGraphQL<{ users: { nodes: { id: string; workspace: { name: string } | null }[] } }, undefined>(
      service.subgraph.graphqlUrl,
      '{ users(first: 3) { nodes { id workspace { name } } } }',
    );
    // Stop only once the request is surely in flight: waiting on the simulator.
    const upstreamCalls = async () => ((await (await fetch(`${service.simulator!.url}/__stats`)).json()) as { total: number }).total;
    await waitUntil(async () => (await upstreamCalls()) > 0, 'the request reached the simulator');
    const stopped = service.stop();
    const response = await inFlight;
    await stopped;
    expect(response.errors).toBeUndefined();
    expect(response.data!.users.nodes).toHaveLength(3);
    expect(response.data!.users.nodes.every((n) => n.workspace?.name)).toBe(true);
    // Stopped: no new connections, and the simulator is gone too.
    await expect(fetch(`${service.subgraph.url}/health`)).rejects.toThrow();
    await expect(fetch(`${service.simulator!.url}/__stats`)).rejects.toThrow();
  });

  it('/health is liveness; /ready follows PrivX: 200 while it answers, 503 while stopped, 200 again once restarted', async () => {
    const stack = await startStack({ settings: { readyIntervalMs: 100 } });
    const port = Number(new URL(stack.simulator.url).port);
    const get = async (path: string) => (await fetch(`${stack.subgraph.url}${path}`)).status;
    const settled = () => new Promise((resolve) => setTimeout(resolve, 150));
    let restarted: Awaited<ReturnType<typeof startSimulator>> | undefined;
    try {
      expect(await get('/health')).toBe(200);
      expect(await get('/ready')).toBe(200);
      expect(stack.calls().byRoute['GET /role-store/api/v1/status']).toBe(1);
      expect(await get('/ready')).toBe(200); // within the interval: no new probe
      expect(stack.calls().byRoute['GET /role-store/api/v1/status']).toBe(1);

      await stack.simulator.close();
      await settled();
      expect(await get('/ready')).toBe(503);
      expect(await get('/health')).toBe(200);

      restarted = await startSimulator({ port });
      await settled();
      expect(await get('/ready')).toBe(200);
      expect(restarted.stats.snapshot().byRoute['GET /role-store/api/v1/status']).toBe(1);
    } finally {
      await stack.subgraph.close();
      await restarted?.close();
    }
  });

  it('/ready is 503 "draining" once shutdown began, whatever PrivX says, and makes no PrivX call for it', async () => {
    const stack = await startStack({ settings: { readyIntervalMs: 100 } });
    try {
      const ready = async () => {
        const response = await fetch(`${stack.subgraph.url}/ready`);
        return [response.status, ((await response.json()) as { status: string }).status];
      };
      expect(await ready()).toEqual([200, 'ready']);
      stack.resetCalls();
      stack.upstream.readiness.drain(); // what subgraph.close() does first
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(await ready()).toEqual([503, 'draining']);
      expect(stack.calls().total).toBe(0);
    } finally {
      await stack.close();
    }
  });

  it('a client that sends its headers too slowly is answered 408 and disconnected', async () => {
    const stack = await startStack({ clientTimeouts: { headersMs: 200, requestMs: 400 } });
    try {
      const { port } = new URL(stack.subgraph.url);
      const answer = await new Promise<string>((resolve, reject) => {
        const socket = connect(Number(port), '127.0.0.1', () => socket.write('POST /graphql HTTP/1.1\r\nHost: x\r\n')); // never finishes
        let received = '';
        socket.on('data', (chunk: Buffer) => (received += chunk.toString('utf8')));
        socket.on('close', () => resolve(received));
        socket.on('error', reject);
      });
      expect(answer).toMatch(/^HTTP\/1\.1 408/);
      expect(stack.calls().total).toBe(0);
    } finally {
      await stack.close();
    }
  });
});
