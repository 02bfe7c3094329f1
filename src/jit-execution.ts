import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import { execute, GraphQLError, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

const TRACE_HEADER = 'apollo-federation-include-trace';

/**
 * graphql-jit's errors leave `extensions` undefined where graphql-js (and so Apollo's error handling) has an
 * object; the same error as graphql-js makes it, locations kept.
 */
function asGraphQLError(error: GraphQLError): GraphQLError {
  const same = new GraphQLError(error.message, { path: error.path, originalError: error.originalError, extensions: error.extensions ?? undefined });
  return Object.assign(same, { locations: error.locations });
}

function withGraphQLErrors(result: ExecutionResult): ExecutionResult {
  return result.errors ? { ...result, errors: result.errors.map(asGraphQLError) } : result;
}

/** Compiling costs about what one run of a large operation costs (3 ms): only documents seen again are compiled. */
const RUNS_BEFORE_COMPILING = 1;

/** Per operation of a document: how often it ran uncompiled, then its compiled form (null: jit cannot). */
type Compilation = { runs: number; query?: CompiledQuery | null };

/**
 * Executes operations with graphql-jit: an operation run again is compiled once into a function and reused
 * while Apollo's document cache keeps its document (a first run goes through graphql-js, so a flood of
 * one-off queries costs no compiling). Requests asking for a federated trace (ftv1) run through graphql-js,
 * whose per-field hooks the trace needs; so does an operation graphql-jit cannot compile.
 */
function jitExecutor(schema: GraphQLSchema): GatewayExecutor {
  const compilations = new WeakMap<DocumentNode, Map<string, Compilation>>();
  function compiledFor(document: DocumentNode, operationName: string | undefined): CompiledQuery | null {
    let byName = compilations.get(document);
    if (!byName) compilations.set(document, (byName = new Map()));
    const key = operationName ?? '';
    let compilation = byName.get(key);
    if (!compilation) byName.set(key, (compilation = { runs: 0 }));
    if (compilation.query === undefined && compilation.runs++ >= RUNS_BEFORE_COMPILING) {
      const result = compileQuery(schema, document, operationName);
      compilation.query = isCompiledQuery(result) ? result : null;
    }
    return compilation.query ?? null;
  }
  return async ({ document, request, context: contextValue, operationName, operation }) => {
    // No operation of the document has the requested name: Apollo passes a null `operationName` then, with which
    // graphql-js (or jit) would run the document's only operation. Ask graphql-js with the name as sent, so the
    // caller gets its "Unknown operation named" error (HTTP 400) instead of an answer to another operation.
    if (!operation) return execute({ schema, document, contextValue, variableValues: request.variables, operationName: request.operationName });
    const traced = request.http?.headers.get(TRACE_HEADER) === 'ftv1';
    const query = traced ? null : compiledFor(document, operationName ?? undefined);
    const byGraphqlJs = () => execute({ schema, document, contextValue, variableValues: request.variables, operationName });
    if (!query) return byGraphqlJs();
    const result = await query.query(undefined, contextValue, request.variables ?? {});
    // No `data` at all: the variables did not coerce, and nothing ran. graphql-js says so in the errors Apollo
    // recognises as BAD_USER_INPUT (HTTP 400); jit's own say the same without the node Apollo looks for.
    if (result.data === undefined && result.errors) return byGraphqlJs();
    return withGraphQLErrors(result);
  };
}

/** The schema served as Apollo's "gateway": Apollo's only way to execute with something else than graphql-js. */
export function jitGateway(schema: GraphQLSchema): GatewayInterface {
  return {
    async load() {
      return { schema, executor: jitExecutor(schema) };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => undefined;
    },
    async stop() {},
  };
}
