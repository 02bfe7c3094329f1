import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type RunningSimulator, SIMULATOR_CREDENTIALS, startSimulator } from '../../datasources/simulator/server';
import { usePrivxToken } from '../../bench/peer/privx-token';

/** The benchmark's peer (bench/peer): its token plugin over the simulator, and its composition when installed. */

const PEER = resolve(__dirname, '../../bench/peer');
const COMPOSE = join(PEER, 'node_modules/@graphql-mesh/compose-cli/esm/bin.js');

describe('the peer', () => {
  let now = Date.now();
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ tokenTtlSeconds: 60, now: () => now });
  });
  afterAll(() => sim.close());

  /** What Hive Gateway does with the plugin's onFetch: the fetch it ends up with, called. */
  function fetchThroughPlugin(plugin: ReturnType<typeof usePrivxToken>, url: string): Promise<Response> {
    type FetchFn = (target: string, options?: { headers?: Record<string, string> }) => Promise<Response> | Response;
    let fetchFn: FetchFn = (target, options) => fetch(target, options);
    plugin.onFetch({ url, options: { headers: { accept: 'application/json' } }, setOptions: () => undefined, fetchFn, setFetchFn: (f) => (fetchFn = f) });
    return Promise.resolve(fetchFn(url, { headers: { accept: 'application/json' } }));
  }

  it('adds the token to every call to PrivX, and on a 401 gets a new one and repeats the call once', async () => {
    const { oauthClientId, oauthClientSecret, apiClientId, apiClientSecret } = SIMULATOR_CREDENTIALS;
    const plugin = usePrivxToken({ baseUrl: sim.url, oauthClientId, oauthClientSecret, apiClientId, apiClientSecret });
    const sources = `${sim.url}/role-store/api/v1/sources`;
    const answers = await Promise.all([1, 2, 3].map(() => fetchThroughPlugin(plugin, sources)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    // The simulator's clock moves past the token's life (the plugin's own clock does not): a 401, then a retry.
    now += 61_000;
    sim.stats.reset();
    expect((await fetchThroughPlugin(plugin, sources)).status).toBe(200);
    expect(sim.stats.snapshot().byRoute).toEqual({ 'GET /role-store/api/v1/sources': 2 });
  });

  it('leaves calls elsewhere alone', async () => {
    const plugin = usePrivxToken({ baseUrl: 'http://127.0.0.1:9', oauthClientId: 'x', oauthClientSecret: 'x', apiClientId: 'x', apiClientSecret: 'x' });
    const set = jest.fn();
    plugin.onFetch({ url: `${sim.url}/role-store/api/v1/sources`, options: {}, setOptions: set, fetchFn: fetch, setFetchFn: set });
    expect(set).not.toHaveBeenCalled();
  });

  // Composing needs the peer's own packages (npm ci --prefix bench/peer), which `npm test` does not install.
  const installed = existsSync(COMPOSE);
  if (!installed) console.warn('Skipping the peer composition test: bench/peer is not installed (npm ci --prefix bench/peer).');
  (installed ? it : it.skip)('composes docs/privx-v41.openapi.yaml into a Federation subgraph with its relations', () => {
    const dir = mkdtempSync(join(tmpdir(), 'peer-'));
    try {
      const out = join(dir, 'subgraph.graphql');
      execFileSync(process.execPath, [COMPOSE, '--subgraph', 'privx', '--output', out], { cwd: PEER, env: { ...process.env, V41_BASE_URL: sim.url }, stdio: 'ignore' });
      const sdl = readFileSync(out, 'utf8');
      expect(sdl).toMatch(/type RoleStoreUserWithRoles [^{]*@key\(fields: "id"\)/);
      expect(sdl).toMatch(/getUser\(user_id: UUID!\): RoleStoreUserWithRoles .*@merge\(subgraph: "privx", keyField: "id", keyArg: "user_id"\)/);
      expect(sdl).toMatch(/roleList: \[RoleAssignment\] @resolveTo\(.*sourceFieldName: "getUserRoles"/);
      expect(sdl).toMatch(/directory: Source @resolveTo\(.*sourceFieldName: "getSource"/);
      expect(sdl).toMatch(/searchUsers\(/);
      expect(sdl).toContain(`location: "${sim.url}"`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
