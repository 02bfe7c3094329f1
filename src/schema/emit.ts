import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { identitySchema } from './identity-schema';
import { printSubgraphSdl } from './print-subgraph-sdl';

/** `npm run schema` (run from the repo root): writes the served SDL to schema/schema.graphql, committed and checked by a test. */
export const SCHEMA_FILE = resolve(process.cwd(), 'schema', 'schema.graphql');

async function main(): Promise<void> {
  const sdl = printSubgraphSdl(await identitySchema());
  mkdirSync(dirname(SCHEMA_FILE), { recursive: true });
  writeFileSync(SCHEMA_FILE, sdl);
  console.log(`Wrote ${SCHEMA_FILE}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
