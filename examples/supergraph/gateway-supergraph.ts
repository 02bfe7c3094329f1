import { Kind, parse, print, visit, type DirectiveNode } from 'graphql';

/**
 * `@apollo/gateway` refuses any supergraph that links a `for: SECURITY` feature (`@requiresScopes`,
 * `@authenticated`, `@policy`): it cannot enforce them, only the Apollo Router can. The supergraph composed
 * here is the real artifact (a router gets it as is, and the tests check it); the example gateway gets this
 * copy with the purpose dropped from those links, so it loads the supergraph and simply does not enforce scopes.
 */
export function withoutSecurityPurpose(supergraphSdl: string): string {
  const document = visit(parse(supergraphSdl), {
    Directive(node: DirectiveNode): DirectiveNode | undefined {
      if (node.name.value !== 'link') return undefined;
      const purpose = node.arguments?.find((arg) => arg.name.value === 'for');
      if (purpose?.value.kind !== Kind.ENUM || purpose.value.value !== 'SECURITY') return undefined;
      return { ...node, arguments: node.arguments?.filter((arg) => arg !== purpose) };
    },
  });
  return print(document);
}
