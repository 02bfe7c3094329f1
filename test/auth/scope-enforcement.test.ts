import { buildSubgraphSchema } from '@apollo/subgraph';
import { execute, parse, type GraphQLSchema } from 'graphql';
import { TRUSTED, type Caller } from '../../src/auth/caller';
import { enforceRequiredScopes, requiredScopes, satisfies } from '../../src/auth/scope-enforcement';
import { identitySchema } from '../../src/schema/identity-schema';

const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@requiresScopes"])';

function schemaOf(sdl: string, resolvers: Record<string, Record<string, () => unknown>>): GraphQLSchema {
  return buildSubgraphSchema({ typeDefs: parse(`${LINK}\n${sdl}`), resolvers: resolvers as never });
}

const verified = (...scopes: string[]): Caller => ({ kind: 'verified', subject: 's', scopes: new Set(scopes) });

describe('@requiresScopes, read from the schema', () => {
  it('finds exactly the guarded fields of the identity schema', async () => {
    expect(Object.fromEntries(requiredScopes(await identitySchema()))).toEqual({
      'Mutation.grantRole': [['roles:grant']],
      'Mutation.revokeRole': [['roles:grant']],
      'Mutation.revokeGrants': [['roles:grant']],
      'User.phones': [['users:pii']],
      'User.remoteData': [['users:raw']],
      'User.mfaStatus': [['users:raw']],
      'User.passwordSetAt': [['users:raw']],
    });
  });

  it('reads the directive as (a and b) or c', () => {
    const requirement = [['a', 'b'], ['c']];
    expect(satisfies(new Set(['a']), requirement)).toBe(false);
    expect(satisfies(new Set(['a', 'b']), requirement)).toBe(true);
    expect(satisfies(new Set(['c']), requirement)).toBe(true);
    expect(satisfies(new Set(), requirement)).toBe(false);
  });

  describe('a newly guarded field needs only its directive', () => {
    let calls = 0;
    const schema = enforceRequiredScopes(
      schemaOf('type Query { open: String  secret: String @requiresScopes(scopes: [["a", "b"], ["c"]]) }', {
        Query: { open: () => 'open', secret: () => `secret ${++calls}` },
      }),
    );
    const run = (caller: Caller | undefined) => execute({ schema, document: parse('{ open secret }'), contextValue: { caller } }) as Promise<{ data: unknown; errors?: { message: string; extensions: unknown }[] }>;

    it('refuses without the scopes, never calling the resolver', async () => {
      calls = 0;
      const result = await run(verified('a'));
      expect(result.data).toEqual({ open: 'open', secret: null });
      expect(result.errors!.map((e) => [e.message, e.extensions])).toEqual([['Query.secret needs the scope a and b, or c.', { code: 'FORBIDDEN' }]]);
      expect(calls).toBe(0);
    });

    it('serves with either set of scopes, and to trusted callers', async () => {
      expect((await run(verified('a', 'b'))).data).toEqual({ open: 'open', secret: 'secret 1' });
      expect((await run(verified('c'))).data).toEqual({ open: 'open', secret: 'secret 2' });
      expect((await run(TRUSTED)).data).toEqual({ open: 'open', secret: 'secret 3' });
    });

    it('refuses when the context carries no caller at all (a wiring mistake fails closed)', async () => {
      expect((await run(undefined)).errors![0]!.extensions).toEqual({ code: 'FORBIDDEN' });
    });

    it('wraps a field once, however often the schema is served', async () => {
      enforceRequiredScopes(schema);
      calls = 0;
      expect((await run(verified('c'))).data).toEqual({ open: 'open', secret: 'secret 1' });
    });
  });

  it('refuses to start with the directive on a type, which it does not enforce', () => {
    const schema = schemaOf('type Query { secret: Secret }  type Secret @requiresScopes(scopes: [["a"]]) { x: String }', {});
    expect(() => enforceRequiredScopes(schema)).toThrow('@requiresScopes on the type Secret is not enforced by this subgraph');
  });
});
