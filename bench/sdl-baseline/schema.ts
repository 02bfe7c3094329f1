import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { parse, type GraphQLSchema } from 'graphql';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { sdlResolvers } from './resolvers';

/** schema/schema.graphql as it is, with the hand-written resolvers: the SDL-first baseline's schema. */
export function sdlBaselineSchema(root = resolve(__dirname, '..', '..', '..')): GraphQLSchema {
  const sdl = readFileSync(resolve(root, 'schema', 'schema.graphql'), 'utf8');
  return buildSubgraphSchema({ typeDefs: parse(sdl), resolvers: sdlResolvers as unknown as GraphQLResolverMap<unknown> });
}
