import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { getVariableValues, GraphQLError, Kind, type FragmentDefinitionNode, type ParseOptions, type ValidationContext, type ValidationRule } from 'graphql';
import { estimateCost } from './cost';
import { checkEntities } from './entities';
import type { DemandLimits } from './limits';
import { tooExpensive } from './rejections';

export { DEFAULT_DEMAND_LIMITS, type DemandLimits } from './limits';

export interface DemandControl {
  parseOptions: ParseOptions;
  validationRules: ValidationRule[];
  plugin: ApolloServerPlugin;
}

/** Armor's rules throw "Syntax Error: …"; report it as the validation error it is, under Apollo's code. */
const report = [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, '')))];

/**
 * Demand control before anything runs: a token cap while parsing (graphql-js's own), depth and alias caps as
 * validation rules (GraphQL Armor's), then, once variables are known, `_entities` checks and the cost
 * estimate from the schema's `@cost`/`@listSize`. A refused operation makes no upstream call.
 */
export function demandControl(limits: DemandLimits): DemandControl {
  return {
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules: [
      maxDepthRule({ n: limits.maxDepth, flattenFragments: true, propagateOnRejection: false, onReject: report }),
      maxAliasesRule({ n: limits.maxAliases, propagateOnRejection: false, onReject: report }),
    ],
    plugin: {
      async requestDidStart() {
        return {
          async didResolveOperation({ schema, document, operation, request }) {
            if (!operation) return;
            const fragments: Record<string, FragmentDefinitionNode> = {};
            for (const definition of document.definitions) {
              if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
            }
            // Coerced as execution will coerce them (a lone object given for a list is a list of one); variables
            // that do not coerce fail the operation before anything runs, so there is nothing to check.
            const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {}, { maxErrors: 1 });
            if (!coerced.coerced) return;
            checkEntities(schema, operation, fragments, coerced.coerced, limits.maxEntities);
            const cost = estimateCost({ schema, operation, fragments, variables: coerced.coerced });
            if (cost > limits.maxCost) {
              throw tooExpensive(`Estimated cost ${cost} exceeds the limit (MAX_QUERY_COST) of ${limits.maxCost}: ask for smaller pages or fewer nested lists`);
            }
          },
        };
      },
    },
  };
}
