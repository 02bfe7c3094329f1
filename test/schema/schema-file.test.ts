import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { identitySchema } from '../../src/schema/identity-schema';
import { printSubgraphSdl } from '../../src/schema/print-subgraph-sdl';

describe('schema/schema.graphql', () => {
  it('is what the subgraph serves (run `npm run schema` after changing a type or resolver)', async () => {
    const committed = readFileSync(join(__dirname, '..', '..', 'schema', 'schema.graphql'), 'utf8');
    expect(committed).toBe(printSubgraphSdl(await identitySchema()));
  });

  it('declares Federation 2 and keys every entity', () => {
    const sdl = readFileSync(join(__dirname, '..', '..', 'schema', 'schema.graphql'), 'utf8');
    expect(sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2.9"');
    for (const entity of ['User', 'Role', 'Group', 'Organization', 'Workspace']) {
      expect(sdl).toMatch(new RegExp(`type ${entity}\\s+@key\\(fields: "id"\\)`));
    }
  });
});
