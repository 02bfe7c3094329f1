import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';

/** 400 like any invalid operation; the `http` extension sets the status and never reaches the client. */
const BAD_REQUEST = { status: 400, headers: new HeaderMap() };

/** The Apollo Router's code for a rejected cost estimate. */
export function tooExpensive(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'COST_ESTIMATED_TOO_EXPENSIVE', http: BAD_REQUEST } });
}

/** A limit other than cost: refused like any other invalid operation. */
export function tooMuch(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: BAD_REQUEST } });
}

/** An `_entities` representation no router would send: the caller's mistake, refused before any resolver runs. */
export function badRepresentation(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', argument: 'representations', http: BAD_REQUEST } });
}
