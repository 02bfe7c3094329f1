import { GraphQLError, type ASTVisitor, type ValidationContext } from 'graphql';

/**
 * A validation rule: an operation whose type (`mutation`, `subscription`) has no root type in the schema is the
 * caller's mistake, refused as `GRAPHQL_VALIDATION_FAILED` with HTTP 400 like any invalid operation. graphql-js 16
 * does not validate this; it would fail at execution ("Schema is not configured to execute …"), which Apollo
 * answers 200 `INTERNAL_SERVER_ERROR` and logs as our fault. Generic: it follows whichever root types the schema
 * has.
 */
export function SupportedOperationTypesRule(context: ValidationContext): ASTVisitor {
  return {
    OperationDefinition(node) {
      if (context.getSchema().getRootType(node.operation)) return;
      context.reportError(new GraphQLError(`The ${node.operation} operation type is not supported by this schema.`, { nodes: node }));
    },
  };
}
