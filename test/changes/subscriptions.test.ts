import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { IdentityProvider } from '../helpers/identity-provider';
import { startStack, type Stack } from '../helpers/stack';
import { waitUntil } from '../helpers/wait-until';

const SUBSCRIPTION = `subscription($kinds: [UserChangeKind!], $userIds: [ID!], $after: String) {
  userChanged(kinds: $kinds, userIds: $userIds, after: $after) { cursor kind userId user { id title } }
}`;

interface Pushed {
  cursor: string;
  kind: string;
  userId: string;
  user: { id: string; title: string | null } | null;
}

/** Collects what a subscription pushes, until it has `count` changes. */
function collect(client: Client, variables: Record<string, unknown>, count: number): { received: Pushed[]; done: Promise<Pushed[]>; errors: unknown[] } {
  const received: Pushed[] = [];
  const errors: unknown[] = [];
  let stop = () => undefined as void;
  const done = new Promise<Pushed[]>((resolve, reject) => {
    stop = client.subscribe<{ userChanged: Pushed }>(
      { query: SUBSCRIPTION, variables },
      {
        next: (result) => {
          if (result.errors) errors.push(...result.errors);
          if (result.data) received.push(result.data.userChanged);
          if (received.length >= count) {
            stop();
            resolve(received);
          }
        },
        error: (error) => {
          errors.push(error);
          reject(error instanceof Error ? error : new Error(JSON.stringify(error)));
        },
        complete: () => resolve(received),
      },
    );
  });
  return { received, done, errors };
}

/** Subscriptions to the change feed: over graphql-ws at /graphql, and over the Apollo Router's HTTP callbacks. */
describe('userChanged subscriptions', () => {
  let clock = Date.parse('2026-12-01T12:00:00.000Z');
  const now = () => clock;
  let stack: Stack;
  const clients: Client[] = [];
  const wsClient = (connectionParams?: Record<string, unknown>) => {
    const client = createClient({ url: stack.subgraph.graphqlUrl.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams, retryAttempts: 0, lazy: true });
    clients.push(client);
    return client;
  };
  const directoryUser = (i: number) => stack.simulator.data.users.filter((u) => u.source_type !== 'LOCAL')[i]!;

  beforeAll(async () => {
    stack = await startStack({
      simulator: { now, tokenTtlSeconds: 100_000_000 },
      changes: { pollSeconds: 10, fullScanSeconds: 600, retentionHours: 24, manualPolls: true, now },
    });
    await stack.subgraph.changes!.pollNow();
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    await stack.close();
  });

  it('a graphql-ws client receives a change found upstream, with the user as it is now', async () => {
    const user = directoryUser(3);
    const subscription = collect(wsClient(), { kinds: ['UPDATED'] }, 1);
    // The subscription is registered once the server acknowledged it: wait until the feed counts it.
    await waitUntil(() => stack.subgraph.changes!.subscriberCount > 0, 'the subscription is registered');
    clock += 1_000;
    stack.simulator.changes.updateUser(user.id, { job_title: 'Pushed' });
    clock += 9_000;
    await stack.subgraph.changes!.pollNow();
    const [change] = await subscription.done;
    expect(change).toMatchObject({ kind: 'UPDATED', userId: user.id, user: { id: user.id, title: 'Pushed' } });
    expect(subscription.errors).toEqual([]);
  });

  it('resumes after a cursor: what was missed comes first, then live changes, none twice; filtered by user', async () => {
    const start = await stack.subgraph.changes!.newestCursor();
    const [a, b] = [directoryUser(4), directoryUser(5)];
    clock += 1_000;
    stack.simulator.changes.updateUser(a.id, { job_title: 'Missed' });
    stack.simulator.changes.updateUser(b.id, { job_title: 'Not asked for' });
    clock += 9_000;
    await stack.subgraph.changes!.pollNow();
    const subscription = collect(wsClient(), { after: start, userIds: [a.id] }, 2);
    await waitUntil(() => subscription.received.length > 0, 'a change is received');
    clock += 1_000;
    stack.simulator.changes.updateUser(a.id, { job_title: 'Live' });
    clock += 9_000;
    await stack.subgraph.changes!.pollNow();
    const received = await subscription.done;
    expect(received.map((c) => [c.kind, c.userId, c.user?.title])).toEqual([
      ['UPDATED', a.id, 'Missed'],
      ['UPDATED', a.id, 'Live'],
    ]);
    expect(received[0]!.cursor).not.toBe(received[1]!.cursor);
  });

  it('refuses a cursor that is not one, and queries over the WebSocket', async () => {
    const expired = collect(wsClient(), { after: 'bm90LWEtY3Vyc29y' }, 1);
    await expired.done.catch(() => undefined);
    expect(JSON.stringify(expired.errors)).toContain('BAD_USER_INPUT');
    const errors: unknown[] = [];
    await new Promise<void>((resolve) => {
      wsClient().subscribe({ query: '{ userChangesCursor }' }, { next: () => undefined, error: (e) => (errors.push(e), resolve()), complete: resolve });
    });
    expect(JSON.stringify(errors)).toContain('Only subscriptions are served over WebSocket');
  });

  it("a router's HTTP callback subscription receives a change", async () => {
    const messages: { action: string; payload?: { data?: { userChanged?: Pushed } } }[] = [];
    let nextSeen: () => void = () => undefined;
    const seen = new Promise<void>((resolve) => (nextSeen = resolve));
    const router: Server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        const message = JSON.parse(body) as (typeof messages)[number];
        messages.push(message);
        if (message.action === 'next') nextSeen();
        res.writeHead(204, { 'subscription-protocol': 'callback/1.0' }).end();
      });
    });
    await new Promise<void>((resolve) => router.listen(0, '127.0.0.1', resolve));
    try {
      const callbackUrl = `http://127.0.0.1:${(router.address() as AddressInfo).port}/callback/1`;
      const user = directoryUser(6);
      // What the Apollo Router sends a subgraph for a subscription in callback mode.
      const response = await fetch(stack.subgraph.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: SUBSCRIPTION,
          variables: { kinds: ['UPDATED'], userIds: [user.id] },
          extensions: { subscription: { callbackUrl, subscriptionId: 'sub-1', verifier: 'v-1', heartbeatIntervalMs: 0 } },
        }),
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ data: null });
      await waitUntil(() => stack.subgraph.changes!.subscriberCount >= 1, 'the subscription is registered');
      clock += 1_000;
      stack.simulator.changes.updateUser(user.id, { job_title: 'Called back' });
      clock += 9_000;
      await stack.subgraph.changes!.pollNow();
      await seen;
      expect(messages[0]).toMatchObject({ action: 'check' });
      expect(messages.find((m) => m.action === 'next')?.payload?.data?.userChanged).toMatchObject({ kind: 'UPDATED', userId: user.id, user: { title: 'Called back' } });
    } finally {
      router.closeAllConnections();
      await new Promise((resolve) => router.close(resolve));
    }
  });
});

describe('userChanged over graphql-ws behind the router secret', () => {
  let stack: Stack;
  const secret = 'router-secret-of-this-test-0123';
  beforeAll(async () => {
    stack = await startStack({ access: { routerSecret: secret } });
  });
  afterAll(() => stack.close());

  const connect = (connectionParams?: Record<string, unknown>) =>
    new Promise<{ closed?: number; acked: boolean }>((resolve) => {
      const client = createClient({
        url: stack.subgraph.graphqlUrl.replace(/^http/, 'ws'),
        webSocketImpl: WebSocket,
        connectionParams,
        retryAttempts: 0,
        lazy: false,
        onNonLazyError: () => undefined, // the refusal is what this test expects; `closed` reports it
        on: {
          connected: () => void Promise.resolve(client.dispose()).then(() => resolve({ acked: true })),
          closed: (event) => resolve({ closed: (event as { code: number }).code, acked: false }),
        },
      });
    });

  it('checks the connection as it checks a request: refused without the secret, served with it', async () => {
    expect(await connect()).toEqual({ closed: 4403, acked: false });
    expect(await connect({ 'router-authorization': 'wrong-secret-0000000000' })).toEqual({ closed: 4403, acked: false });
    expect(await connect({ 'router-authorization': secret })).toEqual({ acked: true });
  });
});

describe('userChanged for verified callers', () => {
  let idp: IdentityProvider;
  let stack: Stack;
  beforeAll(async () => {
    idp = await IdentityProvider.start();
    stack = await startStack({ access: idp.settings(0) });
  });
  afterAll(async () => {
    await stack.close();
    await idp.close();
  });

  it('enforces the scopes of User fields, and closes the connection when the token expires', async () => {
    const token = await idp.sign({ expiresIn: 2, scope: 'users:read' });
    // The socket's close comes after the subscription's end (error or complete): wait for the close itself.
    let onClosed: (code: number) => void = () => undefined;
    const closed = new Promise<number>((resolve) => (onClosed = resolve));
    const client = createClient({
      url: stack.subgraph.graphqlUrl.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { Authorization: `Bearer ${token}` },
      retryAttempts: 0,
      on: { closed: (event) => onClosed((event as { code: number }).code) },
    });
    const results: { data?: unknown; errors?: readonly { message: string; extensions?: Record<string, unknown> }[] }[] = [];
    const ended = new Promise<unknown>((resolve) => {
      client.subscribe(
        { query: 'subscription { userChanged { kind userId user { id phones { number } } } }' },
        { next: (result) => void results.push(result as (typeof results)[number]), error: resolve, complete: () => resolve(undefined) },
      );
    });
    await waitUntil(() => stack.subgraph.changes!.subscriberCount > 0, 'the subscription is registered');
    const user = stack.simulator.data.users.find((u) => u.telephone)!;
    // What a mutation of this subgraph does: the change is in the feed at once, no poll needed.
    const recorded = await stack.subgraph.changes!.recordChange({ kind: 'UPDATED', userId: user.id, at: Date.now() });
    await waitUntil(() => results.length > 0, 'a change is pushed');
    expect(results[0]!.data).toEqual({ userChanged: { kind: 'UPDATED', userId: user.id, user: { id: user.id, phones: null } } });
    expect(results[0]!.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await stack.subgraph.changes!.page(undefined, 10)).changes).toEqual([recorded]);

    // At the token's expiry the server both fails the subscription (UNAUTHENTICATED: what a router's callback
    // subscription gets) and closes the socket with 4403. Whichever reaches the client first ends it: after the
    // subscription's error a lazy client closes the socket itself (1000).
    const end = await ended;
    const code = await closed;
    const unauthenticated = Array.isArray(end) && (end as { extensions?: { code?: string } }[])[0]?.extensions?.code === 'UNAUTHENTICATED';
    expect({ code, unauthenticated }).toEqual(code === 4403 ? { code: 4403, unauthenticated } : { code: 1000, unauthenticated: true });
    await client.dispose();
  }, 15_000);
});
