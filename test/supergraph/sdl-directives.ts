import { Kind, parse, print, type DocumentNode, type ObjectTypeDefinitionNode } from 'graphql';

// A supergraph SDL is large; tests ask many questions of the same one.
const parsed = new Map<string, DocumentNode>();

function typeIn(sdl: string, type: string): ObjectTypeDefinitionNode | undefined {
  if (!parsed.has(sdl)) parsed.set(sdl, parse(sdl));
  return (parsed.get(sdl) as DocumentNode).definitions.find((d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === type);
}

/** The directives applied to a type in an SDL, printed, e.g. `@join__type(graph: IDENTITY, key: "id")`. */
export function directivesOnType(sdl: string, type: string): string[] {
  return (typeIn(sdl, type)?.directives ?? []).map((d) => print(d));
}

/** The directives applied to one field, printed: what a router reads its metadata from. */
export function directivesOnField(sdl: string, type: string, field: string): string[] {
  return (typeIn(sdl, type)?.fields?.find((f) => f.name.value === field)?.directives ?? []).map((d) => print(d));
}
