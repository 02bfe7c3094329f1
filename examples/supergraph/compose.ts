import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { postGraphQL } from './graphql-http';

export interface SubgraphSdl {
  name: string;
  /** The routing URL the supergraph records for the subgraph. */
  url: string;
  sdl: string;
}

/** What `rover subgraph introspect` reads: the SDL a running subgraph serves, federation directives included. */
export async function fetchSubgraphSdl(graphqlUrl: string): Promise<string> {
  const { data, errors } = await postGraphQL<{ _service: { sdl: string } }, never>(graphqlUrl, '{ _service { sdl } }');
  if (!data?._service.sdl) throw new Error(`${graphqlUrl} served no _service.sdl: ${JSON.stringify(errors)}`);
  return data._service.sdl;
}

export interface Composed {
  supergraphSdl: string;
  /** Composition hints (inconsistent descriptions and the like): not errors, but worth keeping at zero. */
  hints: string[];
}

/**
 * What `rover supergraph compose` does, in-process, with the same composition library: subgraph SDLs → one
 * supergraph SDL. Errors are thrown with their codes so a broken subgraph fails loudly, not at query time.
 */
export function composeSupergraph(subgraphs: SubgraphSdl[]): Composed {
  const result = composeServices(subgraphs.map(({ name, url, sdl }) => ({ name, url, typeDefs: parse(sdl) })));
  if (result.errors) {
    throw new Error(`Composition failed:\n${result.errors.map((e) => `  - [${String(e.extensions['code'])}] ${e.message}`).join('\n')}`);
  }
  return { supergraphSdl: result.supergraphSdl, hints: result.hints.map((hint) => hint.toString()) };
}
