import { postGraphQL } from './graphql-http';
import type { TicketRecord } from './tickets-subgraph';

const SEED_QUERY = /* GraphQL */ `
  query SeedTickets($first: Int) {
    users(first: $first) {
      nodes { id roles { id } groups { id } organizations { id } workspace { id } }
    }
  }
`;

interface SeedUser {
  id: string;
  roles: { id: string }[] | null;
  groups: { id: string }[];
  organizations: { id: string }[];
  workspace: { id: string } | null;
}

const TOPICS = ['VPN access', 'Database credentials', 'Shared drive', 'Build server login', 'Firewall change', 'Laptop replacement'];

/** Users with every relation a ticket references, so every entity type takes part in a ticket query. */
const isComplete = (u: SeedUser) => (u.roles?.length ?? 0) > 0 && u.groups.length > 0 && u.organizations.length > 0 && u.workspace !== null;

/**
 * Tickets that point at identities which really exist, read from the identity subgraph itself (so the example
 * works against the simulator and against a real PrivX alike). Deterministic for a given directory: the first
 * complete users by username; assignees are distinct as long as there are `count` complete users.
 */
export async function seedTickets(identityUrl: string, count: number): Promise<TicketRecord[]> {
  const { data, errors } = await postGraphQL<{ users: { nodes: SeedUser[] } }, { first: number }>(identityUrl, SEED_QUERY, { first: 100 });
  if (!data || errors?.length) throw new Error(`Could not read users to seed tickets: ${JSON.stringify(errors)}`);
  const users = data.users.nodes.filter(isComplete);
  if (users.length < 2) throw new Error('Seeding tickets needs at least two users with roles, groups, an organization and a workspace');
  return Array.from({ length: count }, (_, i) => {
    const assignee = users[i % users.length] as SeedUser;
    const requester = users[(i + 1) % users.length] as SeedUser;
    return {
      id: `T-${1001 + i}`,
      title: `${TOPICS[i % TOPICS.length]} #${i + 1}`,
      assigneeId: assignee.id,
      requesterId: requester.id,
      approverRoleId: assignee.roles?.[0]?.id ?? null,
      teamId: assignee.groups[0]?.id ?? null,
      organizationId: requester.organizations[0]?.id ?? null,
      workspaceId: requester.workspace?.id ?? null,
    };
  });
}
