import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { GraphQLSchema } from 'graphql';
import type { ClassType, NonEmptyArray } from 'type-graphql';
import { ENTITIES, VALUE_TYPE_RESOLVERS } from '../../resolvers/entities';
import { buildFederatedSchema } from './build-federated-schema';

let built: Promise<GraphQLSchema> | undefined;

/**
 * The identity subgraph's schema, composed from the entity registry: the one place that knows the resolvers.
 * Built once per process: TypeGraphQL's metadata is global anyway.
 */
export function identitySchema(): Promise<GraphQLSchema> {
  built ??= buildFederatedSchema(
    {
      resolvers: [...ENTITIES.map((entity) => entity.resolver), ...VALUE_TYPE_RESOLVERS] as unknown as NonEmptyArray<ClassType>,
      orphanedTypes: ENTITIES.filter((entity) => entity.orphan).map((entity) => entity.type),
      validate: false,
    },
    Object.fromEntries(ENTITIES.map((entity) => [entity.type.name, { __resolveReference: entity.resolveReference }])) as GraphQLResolverMap<unknown>,
  );
  return built;
}
