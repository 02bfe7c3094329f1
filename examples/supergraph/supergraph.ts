import { composeSupergraph, fetchSubgraphSdl } from './compose';
import { startGateway, type RunningGateway } from './gateway';
import { seedTickets } from './tickets-seed';
import { startTicketsSubgraph, TICKETS_SDL, type TicketRecord } from './tickets-subgraph';

export interface SupergraphOptions {
  /** The identity subgraph's GraphQL endpoint, already running. */
  identityUrl: string;
  tickets?: number;
  gatewayPort?: number;
}

export interface RunningSupergraph {
  gateway: RunningGateway;
  ticketsUrl: string;
  tickets: TicketRecord[];
  supergraphSdl: string;
  close(): Promise<void>;
}

/** Subgraph names as the supergraph (and the request log) knows them. */
export const IDENTITY = 'identity';
export const TICKETS = 'tickets';

/**
 * The example tickets subgraph next to a running identity subgraph, both composed (identity's SDL as it serves
 * it) and served by one gateway: a whole supergraph on loopback.
 */
export async function startSupergraph({ identityUrl, tickets: count = 6, gatewayPort = 0 }: SupergraphOptions): Promise<RunningSupergraph> {
  const tickets = await seedTickets(identityUrl, count);
  const ticketsSubgraph = await startTicketsSubgraph(tickets);
  try {
    const { supergraphSdl } = composeSupergraph([
      { name: IDENTITY, url: identityUrl, sdl: await fetchSubgraphSdl(identityUrl) },
      { name: TICKETS, url: ticketsSubgraph.graphqlUrl, sdl: TICKETS_SDL },
    ]);
    const gateway = await startGateway(supergraphSdl, gatewayPort);
    return {
      gateway,
      ticketsUrl: ticketsSubgraph.graphqlUrl,
      tickets,
      supergraphSdl,
      close: async () => {
        await gateway.close();
        await ticketsSubgraph.close();
      },
    };
  } catch (error) {
    await ticketsSubgraph.close();
    throw error;
  }
}
