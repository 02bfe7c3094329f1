import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, validate, type GraphQLSchema } from 'graphql';
import { identitySchema } from '../src/schema/identity-schema';

/** Every ```graphql example of the README, docs/access.md and docs/writes.md is a valid operation against the served schema. */
// docs/federation.md is left out: its examples are supergraph queries that span other subgraphs.
const FILES = ['README.md', join('docs', 'access.md'), join('docs', 'writes.md')];

function examples(): [string, string][] {
  return FILES.flatMap((file) => {
    const text = readFileSync(join(__dirname, '..', file), 'utf8');
    return [...text.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m): [string, string] => [`${file}: ${/^\w+ (\w+)/.exec(m[1] ?? '')?.[1] ?? 'anonymous'}`, m[1] ?? '']);
  });
}

describe('documentation examples', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await identitySchema();
  });

  it('include the access examples', () => {
    const names = examples().map(([name]) => name);
    expect(names).toEqual(expect.arrayContaining(['README.md: WhoCanUseRoleNow', 'README.md: GrantsEndingSoon', 'README.md: UsersOfFailingDirectories']));
  });

  it('include the write examples', () => {
    const names = examples().map(([name]) => name);
    expect(names).toEqual(expect.arrayContaining([join('docs', 'writes.md: GrantBreakGlass'), join('docs', 'writes.md: ExtendGrant'), join('docs', 'writes.md: RevokeExpiredGrants')]));
  });

  it.each(examples())('%s validates', (_name, source) => {
    expect(validate(schema, parse(source)).map((e) => e.message)).toEqual([]);
  });
});
