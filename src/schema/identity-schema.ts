import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { GraphQLSchema } from 'graphql';
import type { ClassType, NonEmptyArray, PubSub } from 'type-graphql';
import { ENTITIES, VALUE_TYPE_RESOLVERS } from '../../resolvers/entities';
import { buildFederatedSchema } from './build-federated-schema';

let built: Promise<GraphQLSchema> | undefined;

/**
 * TypeGraphQL refuses to build a subscription without a PubSub, even one that brings its own `subscribe`
 * (`userChanged` reads the change feed, src/changes): this one has no topics, and says so if ever asked for one.
 */
const NO_TOPICS: PubSub = {
  publish: () => undefined,
  subscribe: (topic) => {
    throw new Error(`No PubSub topics in this schema (asked for ${topic}): subscriptions bring their own subscribe function`);
  },
};

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
      pubSub: NO_TOPICS,
    },
    Object.fromEntries(ENTITIES.map((entity) => [entity.type.name, { __resolveReference: entity.resolveReference }])) as GraphQLResolverMap<unknown>,
  );
  return built;
}
