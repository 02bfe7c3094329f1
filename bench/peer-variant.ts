import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { freePort } from '../tools/system-binary';
import { ROOT } from './processes';
import type { SimulatorClient } from './simulator';

/**
 * The peer (bench/peer/): GraphQL Mesh's OpenAPI source composed from docs/privx-v41.openapi.yaml into a Federation
 * subgraph and served by Hive Gateway. Its packages live in bench/peer's own package.json and lock, installed on
 * demand, so the product's install does not grow.
 */

export const PEER_DIR = 'bench/peer';
const PEER_BIN = 'node_modules/@graphql-hive/gateway/dist/bin.js';
/** Under `.bench-*` (git-ignored): the composed SDL names the simulator's URL, so it is made per run. */
const SUBGRAPH_FILE = resolve(ROOT, '.bench-peer', 'subgraph.graphql');

export const PEER_SCRIPT = `${PEER_DIR}/${PEER_BIN}`;
export const PEER_ARGS = ['subgraph', SUBGRAPH_FILE, '--config-path', 'gateway.config.ts', '--host', '127.0.0.1'];
/** Hive Gateway names the origin it listens on; the GraphQL path is its default `/graphql`. */
export const PEER_READY = /Listening on (http:\/\/127\.0\.0\.1:\d+)/;

/** `npm ci --prefix bench/peer` when its packages are not there yet (once; it takes a while). */
export function ensurePeerInstalled(): void {
  if (existsSync(resolve(ROOT, PEER_DIR, PEER_BIN))) return;
  console.log(`Installing the peer's packages: npm ci --prefix ${PEER_DIR}`);
  execFileSync('npm', ['ci', '--prefix', PEER_DIR, '--no-audit', '--no-fund'], { cwd: ROOT, stdio: 'inherit' });
}

/** Composes the peer's subgraph against this simulator (bench/peer/mesh.config.ts): once per run, untimed. */
export function composePeer(simulator: SimulatorClient): void {
  ensurePeerInstalled();
  mkdirSync(resolve(SUBGRAPH_FILE, '..'), { recursive: true });
  execFileSync(process.execPath, ['node_modules/@graphql-mesh/compose-cli/esm/bin.js', '--subgraph', 'privx', '--output', SUBGRAPH_FILE], {
    cwd: resolve(ROOT, PEER_DIR),
    env: { ...process.env, ...simulator.subgraphEnv() },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  console.log(`Peer composed from docs/privx-v41.openapi.yaml: ${SUBGRAPH_FILE}`);
}

/** Hive Gateway cannot report an ephemeral port back: each peer server gets a port free right now. */
export async function peerPortEnv(): Promise<Record<string, string>> {
  return { PORT: String(await freePort()) };
}
