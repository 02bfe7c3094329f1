import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseAllDocuments, parse as parseYaml } from 'yaml';
import { composeSupergraph } from '../../examples/supergraph/compose';
import { ROUTER_AUTHORIZATION_HEADER } from '../../src/auth/router-secret';
import { CONFIG_VARIABLES, loadConfig } from '../../src/config';
import { DEFAULT_DEMAND_LIMITS } from '../../src/demand-control/limits';
import { GRAPHQL_PATH, HEALTH_PATH, READY_PATH } from '../../src/http-server';
import { DEFAULT_REQUEST_BOUNDS } from '../../src/request-bounds';
import { RUNTIME_DIST_DIRS } from '../helpers/production-copy';

/**
 * The deployment examples name what the app really has: ports, probe paths, variables, header names. Without a
 * cluster or a router binary here, they are parsed and checked against the code (the YAML's shape as
 * Kubernetes and the Apollo Router read it), and the supergraph config is composed.
 */

const ROOT = resolve(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

/* eslint-disable @typescript-eslint/no-explicit-any -- parsed YAML is navigated by the test's own checks */
type Doc = any;

function kubernetesDocuments(): Doc[] {
  const dir = join(ROOT, 'deploy/kubernetes');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .flatMap((f) =>
      parseAllDocuments(readFileSync(join(dir, f), 'utf8')).map((doc) => {
        expect([f, doc.errors]).toEqual([f, []]);
        return doc.toJS() as Doc;
      }),
    );
}

const byKind = (docs: Doc[], kind: string): Doc => {
  const found = docs.filter((d) => d.kind === kind);
  expect([kind, found.length]).toEqual([kind, 1]);
  return found[0];
};

describe('deploy/kubernetes', () => {
  const docs = kubernetesDocuments();
  const deployment = byKind(docs, 'Deployment');
  const secret = byKind(docs, 'Secret');
  const service = byKind(docs, 'Service');
  const pod = deployment.spec.template;
  const container = pod.spec.containers[0];
  const env: Record<string, string> = Object.fromEntries(container.env.map((e: Doc) => [e.name, e.value]));

  it('every variable set, directly or from the Secret, is one the configuration reads', () => {
    const secretKeys = Object.keys(secret.stringData);
    expect(secretKeys.sort()).toEqual(['ROUTER_SECRET', 'V41_API_CLIENT_ID', 'V41_API_CLIENT_SECRET', 'V41_OAUTH_CLIENT_SECRET']);
    expect([...Object.keys(env), ...secretKeys].filter((name) => !CONFIG_VARIABLES.includes(name))).toEqual([]);
    expect(container.envFrom).toEqual([{ secretRef: { name: secret.metadata.name } }]);
  });

  it('is a complete production configuration once the Secret holds real values: the app would start, guarded by the router secret', () => {
    const real = { ...secret.stringData, ROUTER_SECRET: 'a-real-router-secret-0123456789' };
    const config = loadConfig({ ...env, ...real }, false);
    expect(config.production).toBe(true);
    expect(config.upstream?.baseUrl).toBe(env.V41_BASE_URL);
    expect(config.access.routerSecret).toBe(real.ROUTER_SECRET);
    expect(config.host).toBe('0.0.0.0'); // reachable from the Service
    const port = container.ports.find((p: Doc) => p.name === 'http');
    expect(port.containerPort).toBe(config.port);
    // The cache must hold the role-membership index of the directory it is sized for (BENCHMARKS.md, Sizing).
    expect(config.cacheMaxEntries).toBeGreaterThanOrEqual(100_000);
  });

  it("applied with the Secret's placeholders, the app refuses to start rather than trust a published router secret", () => {
    expect(() => loadConfig({ ...env, ...secret.stringData }, false)).toThrow(/ROUTER_SECRET: must be at least 16 characters/);
  });

  it('liveness is /health, readiness /ready, both on the app port; the grace period covers the drain', () => {
    expect(container.livenessProbe.httpGet).toEqual({ path: HEALTH_PATH, port: 'http' });
    expect(container.startupProbe.httpGet).toEqual({ path: HEALTH_PATH, port: 'http' });
    expect(container.readinessProbe.httpGet).toEqual({ path: READY_PATH, port: 'http' });
    const preStopSeconds = Number(container.lifecycle.preStop.exec.command[1]);
    expect(pod.spec.terminationGracePeriodSeconds).toBeGreaterThan(preStopSeconds + DEFAULT_REQUEST_BOUNDS.timeoutMs / 1000);
  });

  it('resources follow the measured sizing (BENCHMARKS.md: 512 MB requested a replica, 1 GB at most) and the pod runs as the image user', () => {
    expect(container.resources.requests.memory).toBe('512Mi');
    expect(container.resources.limits.memory).toBe('1Gi');
    expect(read('BENCHMARKS.md')).toContain('Plan 512 MB a replica at 10,000 users and 1 GB where 100,000-user indexes are built.');
    expect(pod.spec.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 1000 });
    expect(container.securityContext).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true });
  });

  it('the Service selects the pods and reaches the named port; kustomization lists every file', () => {
    expect(pod.metadata.labels).toMatchObject(service.spec.selector);
    expect(deployment.spec.selector.matchLabels).toEqual(service.spec.selector);
    expect(service.spec.ports).toEqual([expect.objectContaining({ port: 4001, targetPort: 'http' })]);
    const kustomization = byKind(docs, 'Kustomization');
    const files = readdirSync(join(ROOT, 'deploy/kubernetes')).filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml');
    expect([...kustomization.resources].sort()).toEqual(files.sort());
  });
});

describe('Dockerfile', () => {
  const dockerfile = read('Dockerfile').replace(/\\\n\s*/g, ' ');
  const runtime = dockerfile.slice(dockerfile.indexOf(' AS runtime'));
  const instructions = (text: string, name: string) => [...text.matchAll(new RegExp(`^${name} (.+)$`, 'gm'))].map((m) => m[1]!.trim());

  it('builds with dev dependencies, runs production dependencies only as a non-root user, in production', () => {
    expect(instructions(dockerfile, 'FROM')).toEqual(['node:${NODE_VERSION}-bookworm-slim AS build', 'node:${NODE_VERSION}-bookworm-slim AS runtime']);
    expect(instructions(dockerfile.slice(0, dockerfile.indexOf(' AS runtime')), 'RUN')).toEqual(['npm ci --no-audit --no-fund', 'npm run build']);
    expect(instructions(runtime, 'RUN')).toEqual(['npm ci --omit=dev --no-audit --no-fund && npm cache clean --force']);
    expect(instructions(runtime, 'ENV')).toContain('NODE_ENV=production');
    expect(instructions(runtime, 'USER')).toEqual(['node']);
    // Exactly what test/production/production-start.test.ts replays, and what the server loads.
    expect(instructions(runtime, 'COPY').filter((c) => c.startsWith('--from=build'))).toEqual(RUNTIME_DIST_DIRS.map((d) => `--from=build /app/${d} ${d}`));
    expect(read('.nvmrc').trim()).toBe(/^ARG NODE_VERSION=(\S+)$/m.exec(dockerfile)?.[1]);
  });

  it('starts node itself in exec form (signals reach it), exposes the app port, and checks /health', () => {
    expect(JSON.parse(instructions(runtime, 'CMD')[0]!)).toEqual(['node', 'dist/src/main.js']);
    expect(instructions(runtime, 'EXPOSE')).toEqual([String(loadConfig({}, false).port)]);
    const [healthcheck] = instructions(runtime, 'HEALTHCHECK');
    expect(healthcheck).toMatch(/CMD \[/); // exec form: no shell needed in the image
    expect(healthcheck).toContain(`'${HEALTH_PATH}'`);
  });

  it('.dockerignore keeps the host build and installs out of the context', () => {
    const ignored = read('.dockerignore').split('\n');
    for (const entry of ['node_modules', 'dist', '.git', '.env']) expect(ignored).toContain(entry);
  });
});

describe('deploy/router', () => {
  const supergraphConfig = parseYaml(read('deploy/router/supergraph.yaml')) as Doc;
  const router = parseYaml(read('deploy/router/router.yaml')) as Doc;
  const service = byKind(kubernetesDocuments(), 'Service');

  it('supergraph.yaml composes (as rover would, with the same composition library) from the committed SDL', () => {
    const pkg = JSON.parse(read('package.json')) as { devDependencies: Record<string, string> };
    expect(supergraphConfig.federation_version).toBe(`=${pkg.devDependencies['@apollo/composition']}`);
    const subgraphs = Object.entries(supergraphConfig.subgraphs as Record<string, Doc>).map(([name, sub]) => {
      const file = resolve(join(ROOT, 'deploy/router'), sub.schema.file);
      expect(existsSync(file)).toBe(true);
      return { name, url: sub.routing_url as string, sdl: readFileSync(file, 'utf8') };
    });
    expect(subgraphs.map((s) => s.name)).toEqual(['identity']);
    expect(resolve(join(ROOT, 'deploy/router'), supergraphConfig.subgraphs.identity.schema.file)).toBe(join(ROOT, 'schema/schema.graphql'));
    const { supergraphSdl } = composeSupergraph(subgraphs);
    expect(supergraphSdl).toContain('type User');
  });

  it('routes to the Kubernetes Service on the app port and GraphQL path', () => {
    const url = new URL(supergraphConfig.subgraphs.identity.routing_url as string);
    expect(url.hostname).toBe(service.metadata.name);
    expect(Number(url.port)).toBe(service.spec.ports[0].port);
    expect(url.pathname).toBe(GRAPHQL_PATH);
  });

  it('sends the router secret and propagates Authorization to the subgraph named in supergraph.yaml', () => {
    const rules = router.headers.subgraphs.identity.request as Doc[];
    expect(Object.keys(router.headers.subgraphs)).toEqual(Object.keys(supergraphConfig.subgraphs));
    expect(rules).toContainEqual({ propagate: { named: 'authorization' } });
    expect(rules).toContainEqual({ insert: { name: ROUTER_AUTHORIZATION_HEADER, value: '${env.IDENTITY_ROUTER_SECRET}' } });
  });

  it('waits longer than the subgraph deadline and estimates cost with the same limit', () => {
    const seconds = Number(/^(\d+)s$/.exec(router.traffic_shaping.subgraphs.identity.timeout as string)?.[1]);
    expect(seconds * 1000).toBeGreaterThan(DEFAULT_REQUEST_BOUNDS.timeoutMs);
    expect(router.demand_control.strategy.static_estimated.max).toBe(DEFAULT_DEMAND_LIMITS.maxCost);
    expect(router.authentication.router.jwt.jwks[0].url).toBe('${env.IDP_JWKS_URL}');
  });
});
