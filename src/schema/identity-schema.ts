import { referenceResolvers, resolvers } from '../../resolvers';
import { Group, Organization, Role, Workspace } from '../types';
import { buildFederatedSchema } from './build-federated-schema';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { GraphQLSchema } from 'graphql';

let built: Promise<GraphQLSchema> | undefined;

/** The identity subgraph's schema. Built once per process: TypeGraphQL's metadata is global anyway. */
export function identitySchema(): Promise<GraphQLSchema> {
  built ??= buildFederatedSchema(
    {
      resolvers,
      // Entities a router may ask for by key even where no query of ours returns them directly.
      orphanedTypes: [Role, Group, Organization, Workspace],
      validate: false,
    },
    referenceResolvers as unknown as GraphQLResolverMap<unknown>,
  );
  return built;
}
