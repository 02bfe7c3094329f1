import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The fragment selecting every User field, as the tests and benchmarks use it. */
export const EVERY_USER_FIELD = readFileSync(resolve(__dirname, '../../bench/operations/user-fields.graphql'), 'utf8');

export const PAGE_OF_100_EVERY_FIELD = `query Page { users(first: 100) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ...EveryUserField } } nodes { ...EveryUserField } } }\n${EVERY_USER_FIELD}`;

/** `users(first:1)` → `roles { members(first:1) { nodes { roles { … } } } }`, `levels` times. */
export function nestedRoles(levels: number): string {
  let inner = 'id';
  for (let i = 0; i < levels; i += 1) inner = `roles { id members(first: 1) { nodes { ${inner} } } }`;
  return `{ users(first: 1) { nodes { ${inner} } } }`;
}

export function aliases(count: number, field = 'users(first: 100) { nodes { id } }'): string {
  return `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(' ')} }`;
}

export const GROUP_MEMBERS_FAN_OUT = '{ users(first: 100) { nodes { groups { members(first: 100) { nodes { id name } } } } } }';

export function entities(count: number, typename = 'User'): { query: string; variables: { representations: unknown[] } } {
  return {
    query: 'query E($representations: [_Any!]!) { _entities(representations: $representations) { ... on User { id name } } }',
    variables: { representations: Array.from({ length: count }, (_, i) => ({ __typename: typename, id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}` })) },
  };
}
