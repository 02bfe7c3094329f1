import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';

/** One request the gateway sent to a subgraph. */
export interface SubgraphRequest {
  subgraph: string;
  /** Whether it was an entity fetch (`_entities(representations: …)`) rather than a root query. */
  entities: boolean;
  /** The `__typename`s of the representations, deduplicated: which entity types this hop resolved. */
  typenames: string[];
  representations: number;
}

/** Every subgraph request of a gateway, in order; tests reset it between queries. */
export class SubgraphRequestLog {
  readonly requests: SubgraphRequest[] = [];

  record(request: SubgraphRequest): void {
    this.requests.push(request);
  }

  reset(): void {
    this.requests.length = 0;
  }

  /** Requests per subgraph, e.g. `{ identity: 1, tickets: 1 }`. */
  countBySubgraph(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const { subgraph } of this.requests) counts[subgraph] = (counts[subgraph] ?? 0) + 1;
    return counts;
  }

  entityRequests(subgraph: string): SubgraphRequest[] {
    return this.requests.filter((r) => r.subgraph === subgraph && r.entities);
  }
}

function isEntitiesQuery(query: string | undefined): boolean {
  if (!query) return false;
  const operation = parse(query).definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  return operation?.selectionSet.selections.some((s) => s.kind === Kind.FIELD && s.name.value === '_entities') ?? false;
}

/**
 * The gateway's HTTP data source, plus a record of what it sends: the only honest way to see how many requests
 * a query plan makes per subgraph (a subgraph-side counter could not tell a batched hop from a repeated one).
 */
export class CountingDataSource extends RemoteGraphQLDataSource {
  constructor(
    private readonly subgraph: string,
    url: string,
    private readonly log: SubgraphRequestLog,
  ) {
    super({ url });
  }

  override willSendRequest({ request }: GraphQLDataSourceProcessOptions): void {
    const representations = (request.variables?.['representations'] ?? []) as { __typename?: string }[];
    this.log.record({
      subgraph: this.subgraph,
      entities: isEntitiesQuery(request.query),
      typenames: [...new Set(representations.map((r) => r.__typename ?? '?'))],
      representations: representations.length,
    });
  }
}
