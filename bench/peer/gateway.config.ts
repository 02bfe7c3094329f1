import { defineConfig } from '@graphql-hive/gateway';
import { credentialsFromEnv, usePrivxToken } from './privx-token';

/**
 * The peer served by Hive Gateway as a Federation subgraph (`hive-gateway subgraph subgraph.graphql`), with the
 * token plugin. Credentials: V41_BASE_URL, V41_OAUTH_CLIENT_ID, V41_OAUTH_CLIENT_SECRET, V41_API_CLIENT_ID,
 * V41_API_CLIENT_SECRET, as for the product.
 */
export const gatewayConfig = defineConfig({
  plugins: () => [usePrivxToken(credentialsFromEnv(process.env))],
  // A benchmark peer: no landing page or GraphiQL, and the compiled execution Hive Gateway offers.
  landingPage: false,
  graphiql: false,
  jit: true,
  logging: 'info',
});
