import { createFederationTransform, createFilterTransform, defineConfig } from '@graphql-mesh/compose-cli';
import { extendSchema, GraphQLSchema, parse } from 'graphql';
import { loadOpenAPISubgraph } from '@omnigraph/openapi';

/**
 * The peer's composition: docs/privx-v41.openapi.yaml as a Federation subgraph, given the batching GraphQL Mesh
 * offers. `V41_BASE_URL` is the PrivX (here: simulator) base URL, baked into the composed SDL as the REST endpoint:
 * `V41_BASE_URL=http://127.0.0.1:4010 npx mesh-compose --subgraph privx -o subgraph.graphql` (in bench/peer).
 */
const endpoint = process.env.V41_BASE_URL;
if (!endpoint) throw new Error('V41_BASE_URL (the PrivX base URL) is required');

const RELATIONS = /* GraphQL */ `
  extend type RoleStoreUserSearchItem {
      "The user's roles: one users/{id}/roles per user (PrivX has no call for the roles of many users)."
      roleList: [RoleAssignment]
        @resolveTo(
          sourceName: "privx"
          sourceTypeName: "Query"
          sourceFieldName: "getUserRoles"
          requiredSelectionSet: "{ id }"
          sourceArgs: { user_id: "{root.id}" }
          result: "items"
        )
      "The user's directory: one sources/{id} per user."
      directory: Source
        @resolveTo(
          sourceName: "privx"
          sourceTypeName: "Query"
          sourceFieldName: "getSource"
          requiredSelectionSet: "{ source }"
          sourceArgs: { source_id: "{root.source}" }
        )
    }
  `;

/** The schema with RELATIONS added; the loader's schema-level extensions (its REST transport) kept. */
function withRelations(schema: GraphQLSchema): GraphQLSchema {
  const extended = extendSchema(schema, parse(RELATIONS), { assumeValidSDL: true });
  return new GraphQLSchema({ ...extended.toConfig(), extensions: schema.extensions, astNode: schema.astNode });
}

export const composeConfig = defineConfig({
  subgraphs: [
    {
      sourceHandler: loadOpenAPISubgraph('privx', {
        source: '../../docs/privx-v41.openapi.yaml',
        endpoint,
        // A PrivX error answer becomes a GraphQL error rather than a union member on every field.
        ignoreErrorResponses: true,
        // Omnigraph puts every non-GET operation under Mutation; the search is a read.
        selectQueryOrMutationField: [{ type: 'query', fieldName: 'searchUsers' }],
      }),
      transforms: [
        // Reads only: the token call and the documented writes stay out of the graph.
        createFilterTransform({ rootFieldFilter: (typeName) => typeName !== 'Mutation' }),
        // The user's roles and directory on a page of users: fields resolved by Mesh's @resolveTo, one PrivX call per
        // user for each, since PrivX has no batch call for either. (mesh-compose leaves `additionalTypeDefs` out of a
        // subgraph, so they are added here, where the composed SDL keeps them for Hive Gateway to resolve.)
        withRelations,
        createFederationTransform({
          // Mesh batches a reference resolver only when the upstream answers one row per key in key order;
          // users/search sorts and skips unknown ids, so each reference is one GET /users/{id}.
          RoleStoreUserWithRoles: { key: { fields: 'id', resolveReference: { fieldName: 'getUser', keyArg: 'user_id' } } },
        }),
      ],
    },
  ],
});
