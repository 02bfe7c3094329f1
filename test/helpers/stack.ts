import { SIMULATOR_CREDENTIALS, startSimulator, type RunningSimulator, type SimulatorOptions } from '../../datasources/simulator/server';
import { startSubgraphOver, type SubgraphOptions, type SubgraphStack } from './subgraph-over';

export interface StackOptions extends SubgraphOptions {
  simulator?: Partial<SimulatorOptions>;
}

export interface Stack extends SubgraphStack {
  simulator: RunningSimulator;
  /** Non-auth upstream requests since the last `resetCalls()`, by route template. */
  calls(): { total: number; byRoute: Record<string, number> };
  resetCalls(): void;
}

/** The simulator on an ephemeral port and the subgraph in front of it: what `npm start` runs. */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const simulator = await startSimulator({ port: 0, ...options.simulator });
  const credentials = {
    oauthClientId: options.simulator?.oauthClientId ?? SIMULATOR_CREDENTIALS.oauthClientId,
    oauthClientSecret: options.simulator?.oauthClientSecret ?? SIMULATOR_CREDENTIALS.oauthClientSecret,
    apiClientId: options.simulator?.apiClientId ?? SIMULATOR_CREDENTIALS.apiClientId,
    apiClientSecret: options.simulator?.apiClientSecret ?? SIMULATOR_CREDENTIALS.apiClientSecret,
  };
  const stack = await startSubgraphOver({ baseUrl: simulator.url, ...credentials }, options);
  return {
    ...stack,
    simulator,
    calls: () => simulator.stats.snapshot(),
    resetCalls: () => simulator.stats.reset(),
    close: async () => {
      await stack.close();
      await simulator.close();
    },
  };
}
