/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query GrantableRoles {\n    roles(first: 100) {\n      nodes {\n        id\n        name\n        description\n      }\n    }\n  }\n": typeof types.GrantableRolesDocument,
    "\n  mutation GrantRole($input: GrantRoleInput!) {\n    grantRole(input: $input) {\n      assignment {\n        role {\n          id\n          name\n        }\n        state\n      }\n      user {\n        id\n      }\n      userErrors {\n        code\n        message\n        field\n      }\n    }\n  }\n": typeof types.GrantRoleDocument,
    "\n  fragment GrantRow on RoleAssignment {\n    role {\n      id\n      name\n      description\n      context {\n        weekdays\n        startTime\n        endTime\n        timezone\n        ipMasks\n      }\n    }\n    explicit\n    grantType\n    floatingHours\n    periods {\n      start\n      end\n    }\n    state\n    activeNow\n    nextChangeAt\n  }\n": typeof types.GrantRowFragmentDoc,
    "\n  query UsersPage($first: Int!, $after: String, $search: String) {\n    users(first: $first, after: $after, filter: { search: $search }) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        ...UserRow\n      }\n    }\n  }\n": typeof types.UsersPageDocument,
    "\n  query UserPage($id: ID!) {\n    user(id: $id) {\n      id\n      name\n      username\n      title\n      status\n      timezone\n      emails {\n        email\n      }\n      organizations {\n        id\n        name\n      }\n      groups {\n        id\n        name\n        type\n      }\n      workspace {\n        id\n        name\n        type\n      }\n      roleAssignments(includeExpired: true) {\n        ...GrantRow\n      }\n    }\n  }\n": typeof types.UserPageDocument,
    "\n  query UserGrantStatesAt($id: ID!, $at: DateTimeISO!) {\n    user(id: $id) {\n      id\n      roleAssignments(includeExpired: true) {\n        role {\n          id\n        }\n        state(at: $at)\n      }\n    }\n  }\n": typeof types.UserGrantStatesAtDocument,
    "\n  fragment UserRow on User {\n    id\n    name\n    username\n    title\n    status\n    emails {\n      email\n      isPrimary\n    }\n    workspace {\n      id\n      name\n    }\n  }\n": typeof types.UserRowFragmentDoc,
};
const documents: Documents = {
    "\n  query GrantableRoles {\n    roles(first: 100) {\n      nodes {\n        id\n        name\n        description\n      }\n    }\n  }\n": types.GrantableRolesDocument,
    "\n  mutation GrantRole($input: GrantRoleInput!) {\n    grantRole(input: $input) {\n      assignment {\n        role {\n          id\n          name\n        }\n        state\n      }\n      user {\n        id\n      }\n      userErrors {\n        code\n        message\n        field\n      }\n    }\n  }\n": types.GrantRoleDocument,
    "\n  fragment GrantRow on RoleAssignment {\n    role {\n      id\n      name\n      description\n      context {\n        weekdays\n        startTime\n        endTime\n        timezone\n        ipMasks\n      }\n    }\n    explicit\n    grantType\n    floatingHours\n    periods {\n      start\n      end\n    }\n    state\n    activeNow\n    nextChangeAt\n  }\n": types.GrantRowFragmentDoc,
    "\n  query UsersPage($first: Int!, $after: String, $search: String) {\n    users(first: $first, after: $after, filter: { search: $search }) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        ...UserRow\n      }\n    }\n  }\n": types.UsersPageDocument,
    "\n  query UserPage($id: ID!) {\n    user(id: $id) {\n      id\n      name\n      username\n      title\n      status\n      timezone\n      emails {\n        email\n      }\n      organizations {\n        id\n        name\n      }\n      groups {\n        id\n        name\n        type\n      }\n      workspace {\n        id\n        name\n        type\n      }\n      roleAssignments(includeExpired: true) {\n        ...GrantRow\n      }\n    }\n  }\n": types.UserPageDocument,
    "\n  query UserGrantStatesAt($id: ID!, $at: DateTimeISO!) {\n    user(id: $id) {\n      id\n      roleAssignments(includeExpired: true) {\n        role {\n          id\n        }\n        state(at: $at)\n      }\n    }\n  }\n": types.UserGrantStatesAtDocument,
    "\n  fragment UserRow on User {\n    id\n    name\n    username\n    title\n    status\n    emails {\n      email\n      isPrimary\n    }\n    workspace {\n      id\n      name\n    }\n  }\n": types.UserRowFragmentDoc,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GrantableRoles {\n    roles(first: 100) {\n      nodes {\n        id\n        name\n        description\n      }\n    }\n  }\n"): (typeof documents)["\n  query GrantableRoles {\n    roles(first: 100) {\n      nodes {\n        id\n        name\n        description\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GrantRole($input: GrantRoleInput!) {\n    grantRole(input: $input) {\n      assignment {\n        role {\n          id\n          name\n        }\n        state\n      }\n      user {\n        id\n      }\n      userErrors {\n        code\n        message\n        field\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation GrantRole($input: GrantRoleInput!) {\n    grantRole(input: $input) {\n      assignment {\n        role {\n          id\n          name\n        }\n        state\n      }\n      user {\n        id\n      }\n      userErrors {\n        code\n        message\n        field\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment GrantRow on RoleAssignment {\n    role {\n      id\n      name\n      description\n      context {\n        weekdays\n        startTime\n        endTime\n        timezone\n        ipMasks\n      }\n    }\n    explicit\n    grantType\n    floatingHours\n    periods {\n      start\n      end\n    }\n    state\n    activeNow\n    nextChangeAt\n  }\n"): (typeof documents)["\n  fragment GrantRow on RoleAssignment {\n    role {\n      id\n      name\n      description\n      context {\n        weekdays\n        startTime\n        endTime\n        timezone\n        ipMasks\n      }\n    }\n    explicit\n    grantType\n    floatingHours\n    periods {\n      start\n      end\n    }\n    state\n    activeNow\n    nextChangeAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UsersPage($first: Int!, $after: String, $search: String) {\n    users(first: $first, after: $after, filter: { search: $search }) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        ...UserRow\n      }\n    }\n  }\n"): (typeof documents)["\n  query UsersPage($first: Int!, $after: String, $search: String) {\n    users(first: $first, after: $after, filter: { search: $search }) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        ...UserRow\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UserPage($id: ID!) {\n    user(id: $id) {\n      id\n      name\n      username\n      title\n      status\n      timezone\n      emails {\n        email\n      }\n      organizations {\n        id\n        name\n      }\n      groups {\n        id\n        name\n        type\n      }\n      workspace {\n        id\n        name\n        type\n      }\n      roleAssignments(includeExpired: true) {\n        ...GrantRow\n      }\n    }\n  }\n"): (typeof documents)["\n  query UserPage($id: ID!) {\n    user(id: $id) {\n      id\n      name\n      username\n      title\n      status\n      timezone\n      emails {\n        email\n      }\n      organizations {\n        id\n        name\n      }\n      groups {\n        id\n        name\n        type\n      }\n      workspace {\n        id\n        name\n        type\n      }\n      roleAssignments(includeExpired: true) {\n        ...GrantRow\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UserGrantStatesAt($id: ID!, $at: DateTimeISO!) {\n    user(id: $id) {\n      id\n      roleAssignments(includeExpired: true) {\n        role {\n          id\n        }\n        state(at: $at)\n      }\n    }\n  }\n"): (typeof documents)["\n  query UserGrantStatesAt($id: ID!, $at: DateTimeISO!) {\n    user(id: $id) {\n      id\n      roleAssignments(includeExpired: true) {\n        role {\n          id\n        }\n        state(at: $at)\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UserRow on User {\n    id\n    name\n    username\n    title\n    status\n    emails {\n      email\n      isPrimary\n    }\n    workspace {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment UserRow on User {\n    id\n    name\n    username\n    title\n    status\n    emails {\n      email\n      isPrimary\n    }\n    workspace {\n      id\n      name\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;