import { GraphQLError } from 'graphql';
import { V41ParseError } from '../datasources/v41/errors';
import { createErrorFormatter } from '../src/errors';

describe('createErrorFormatter', () => {
  it('reports a malformed upstream body as UPSTREAM_ERROR, not as an internal error', () => {
    const cause = new V41ParseError('roles list is not an object');
    const wrapped = new GraphQLError(cause.message, { path: ['roles'], originalError: cause });
    for (const production of [true, false]) {
      const formatted = createErrorFormatter(production)({ message: cause.message, path: ['roles'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }, wrapped);
      // Production never repeats upstream detail; development names it.
      const message = production ? 'PrivX answered with an error.' : 'Unexpected v41 response: roles list is not an object';
      expect(formatted).toMatchObject({ message, extensions: { code: 'UPSTREAM_ERROR', upstreamStatus: null } });
    }
  });
});
