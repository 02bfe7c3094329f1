import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';

/** One ticket as the example subgraph stores it: identities are held by id only, as foreign keys. */
export interface TicketRecord {
  id: string;
  title: string;
  assigneeId: string | null;
  requesterId: string | null;
  approverRoleId: string | null;
  teamId: string | null;
  organizationId: string | null;
  workspaceId: string | null;
}

export interface RunningTicketsSubgraph {
  graphqlUrl: string;
  close(): Promise<void>;
}

/**
 * An SDL-first second subgraph that owns tickets and only references identities. The stubs are
 * `resolvable: false`: this subgraph can name a User/Role/Group/Organization/Workspace by key but never resolves
 * one, so every field beyond `id` is the identity subgraph's work, through `_entities`.
 */
export const TICKETS_SDL = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@shareable"])

  """A support ticket: owned here, its people and scopes owned by the identity subgraph."""
  type Ticket @key(fields: "id") {
    id: ID!
    title: String!
    "Who works on the ticket."
    assignee: User
    "Who raised the ticket."
    requester: User
    "The role whose holders approve the ticket."
    approverRole: Role
    "The department or tag the ticket is routed to."
    team: Group
    "The organization the ticket is for."
    organization: Organization
    "The user directory the requester comes from."
    workspace: Workspace
  }

  type User @key(fields: "id", resolvable: false) { id: ID! }
  type Role @key(fields: "id", resolvable: false) { id: ID! }
  type Group @key(fields: "id", resolvable: false) { id: ID! }
  type Organization @key(fields: "id", resolvable: false) { id: ID! }
  type Workspace @key(fields: "id", resolvable: false) { id: ID! }

  # The same value type as the identity subgraph's (same description too): shareable, so both may resolve it.
  "Where a page of a list ends and whether more follows."
  type PageInfo @shareable { hasNextPage: Boolean!, endCursor: String }
  type TicketEdge { cursor: String!, node: Ticket! }
  type TicketConnection { edges: [TicketEdge!]!, nodes: [Ticket!]!, pageInfo: PageInfo!, totalCount: Int! }

  type Query {
    "Tickets in id order, a page at a time."
    tickets(first: Int = 20, after: String): TicketConnection!
    ticket(id: ID!): Ticket
  }
`;

/** A reference by key, or null when the ticket names none: the router fetches the rest from the owner. */
const ref = (id: string | null) => (id === null ? null : { id });

function resolversFor(tickets: TicketRecord[]) {
  const byId = new Map(tickets.map((ticket) => [ticket.id, ticket]));
  return {
    Query: {
      tickets: (_: unknown, { first, after }: { first?: number | null; after?: string | null }) => {
        const offset = after ? Number(after) + 1 : 0;
        const nodes = tickets.slice(offset, offset + Math.max(0, first ?? 20));
        const edges = nodes.map((node, i) => ({ cursor: String(offset + i), node }));
        const hasNextPage = offset + nodes.length < tickets.length;
        return { edges, nodes, pageInfo: { hasNextPage, endCursor: edges.at(-1)?.cursor ?? null }, totalCount: tickets.length };
      },
      ticket: (_: unknown, { id }: { id: string }) => byId.get(id) ?? null,
    },
    Ticket: {
      __resolveReference: ({ id }: { id: string }) => byId.get(id) ?? null,
      assignee: (t: TicketRecord) => ref(t.assigneeId),
      requester: (t: TicketRecord) => ref(t.requesterId),
      approverRole: (t: TicketRecord) => ref(t.approverRoleId),
      team: (t: TicketRecord) => ref(t.teamId),
      organization: (t: TicketRecord) => ref(t.organizationId),
      workspace: (t: TicketRecord) => ref(t.workspaceId),
    },
  };
}

/** Serves `tickets` on loopback; port 0 picks a free one. */
export async function startTicketsSubgraph(tickets: TicketRecord[], port = 0): Promise<RunningTicketsSubgraph> {
  const schema = buildSubgraphSchema({ typeDefs: parse(TICKETS_SDL), resolvers: resolversFor(tickets) });
  // No usage reporting here, so no traces to inline (and no startup notice saying it would).
  const server = new ApolloServer({ schema, plugins: [ApolloServerPluginInlineTraceDisabled()] });
  const { url } = await startStandaloneServer(server, { listen: { port, host: '127.0.0.1' } });
  // startStandaloneServer drains and closes its HTTP server on stop().
  return { graphqlUrl: url, close: () => server.stop() };
}
