import { postGraphQL } from '../../examples/supergraph/graphql-http';
import { startHiveGateway, type RunningHiveGateway } from '../../examples/supergraph/hive-gateway';
import { IDENTITY, startSupergraph, type RunningSupergraph } from '../../examples/supergraph/supergraph';
import { startStack, type Stack } from '../helpers/stack';
import { waitUntil } from '../helpers/wait-until';

/** Reads a Server-Sent Events response until `count` `next` events arrived. */
async function nextEvents(response: Response, count: number): Promise<unknown[]> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const events: unknown[] = [];
  let buffer = '';
  while (events.length < count) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = block
        .split('\n')
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).trim())
        .join('');
      if (/^event: *next/m.test(block) || (!/^event:/m.test(block) && data)) events.push(JSON.parse(data));
    }
  }
  await reader.cancel();
  return events;
}

/**
 * A subscription through a gateway: `@apollo/gateway` cannot carry one, Hive Gateway can. The client subscribes
 * to the gateway over Server-Sent Events; the gateway subscribes to the identity subgraph over graphql-ws.
 */
describe('identity subscriptions through Hive Gateway', () => {
  let clock = Date.parse('2026-12-01T12:00:00.000Z');
  const now = () => clock;
  let stack: Stack;
  let supergraph: RunningSupergraph;
  let hive: RunningHiveGateway;

  beforeAll(async () => {
    stack = await startStack({
      simulator: { now, tokenTtlSeconds: 100_000_000 },
      changes: { pollSeconds: 10, fullScanSeconds: 600, retentionHours: 24, manualPolls: true, now },
    });
    await stack.subgraph.changes!.pollNow();
    supergraph = await startSupergraph({ identityUrl: stack.subgraph.graphqlUrl, tickets: 2 });
    hive = await startHiveGateway(supergraph.supergraphSdl, [IDENTITY]);
  });
  afterAll(async () => {
    await hive?.close();
    await supergraph?.close();
    await stack?.close();
  });

  it('answers queries across both subgraphs like the Apollo gateway', async () => {
    const query = '{ tickets(first: 2) { nodes { id assignee { id username } } } }';
    const viaHive = await postGraphQL(hive.url, query);
    const viaApollo = await postGraphQL(supergraph.gateway.url, query);
    expect(viaHive.errors).toBeUndefined();
    expect(viaHive.data).toEqual(viaApollo.data);
  });

  it('delivers a userChanged event from the identity subgraph to a client', async () => {
    const user = stack.simulator.data.users.filter((u) => u.source_type !== 'LOCAL')[7]!;
    const response = await fetch(hive.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({
        query: 'subscription($ids: [ID!]) { userChanged(userIds: $ids) { kind userId user { id title } } }',
        variables: { ids: [user.id] },
      }),
    });
    expect(response.status).toBe(200);
    const events = nextEvents(response, 1);
    // The gateway opened its WebSocket to the subgraph once the feed counts the subscriber.
    await waitUntil(() => stack.subgraph.changes!.subscriberCount > 0, 'the gateway subscribed');
    expect(stack.subgraph.changes!.subscriberCount).toBe(1);
    clock += 1_000;
    stack.simulator.changes.updateUser(user.id, { job_title: 'Through Hive' });
    clock += 9_000;
    await stack.subgraph.changes!.pollNow();
    expect(await events).toEqual([{ data: { userChanged: { kind: 'UPDATED', userId: user.id, user: { id: user.id, title: 'Through Hive' } } } }]);
  });
});
