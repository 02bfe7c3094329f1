import { readdirSync, readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { runLoad } from './load';
import { postJson } from './http';
import { composePeer, peerPortEnv } from './peer-variant';
import { ROOT, runMain, startNode } from './processes';
import { benchQueries, readSample } from './queries';
import { benchSettings } from './settings';
import { startSimulatorProcess } from './simulator';
import { variants } from './variants';

/**
 * `npm run bench:profile`: one variant (BENCH_PROFILE_VARIANT, default product) under `node --cpu-prof` on one
 * query (BENCH_PROFILE_QUERY, default UsersNested) for BENCH_SECONDS; prints where the CPU went, by package
 * and by function (self time). The .cpuprofile is kept for Chrome DevTools.
 */

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

function owner(url: string): string {
  if (!url) return '(native / idle / GC)';
  if (url.startsWith('node:')) return 'node core';
  const path = url.replace(/^file:\/\//, '');
  const modules = path.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const parts = path.slice(modules + 'node_modules/'.length).split('/');
    return (parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]) ?? path;
  }
  return relative(join(ROOT, 'dist'), path).split('/').slice(0, 2).join('/');
}

function report(file: string): void {
  const { nodes } = JSON.parse(readFileSync(file, 'utf8')) as { nodes: ProfileNode[] };
  const total = nodes.reduce((sum, n) => sum + (n.hitCount ?? 0), 0);
  const byOwner = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const node of nodes) {
    const hits = node.hitCount ?? 0;
    const { functionName, url, lineNumber } = node.callFrame;
    byOwner.set(owner(url), (byOwner.get(owner(url)) ?? 0) + hits);
    const name = `${functionName || '(anonymous)'}  ${owner(url)}${url ? `:${lineNumber + 1}` : ''}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + hits);
  }
  const top = (map: Map<string, number>, n: number) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, hits]) => `  ${((100 * hits) / total).toFixed(1).padStart(5)}%  ${name}`)
      .join('\n');
  console.log(`\nSelf time by package (${total} samples):\n${top(byOwner, 15)}\n\nSelf time by function:\n${top(byFunction, 30)}\n\nProfile: ${file}`);
}

async function main(): Promise<void> {
  const settings = benchSettings();
  const variantKey = process.env.BENCH_PROFILE_VARIANT ?? 'product';
  const queryName = process.env.BENCH_PROFILE_QUERY ?? 'UsersNested';
  const simulator = await startSimulatorProcess(settings);
  const query = benchQueries(await readSample(simulator)).find((q) => q.name === queryName);
  const variant = variants(simulator).find((v) => v.key === variantKey);
  if (!query || !variant) throw new Error(`unknown query ${queryName} or variant ${variantKey}`);
  // The peer answers in its own schema, on a port given to it, once composed against this simulator.
  const body = variant.key === 'peer' ? query.peer?.body : query.body;
  if (body === undefined) throw new Error(`the peer has no form of ${queryName}`);
  if (variant.key === 'peer') composePeer(simulator);
  const dir = mkdtempSync(join(tmpdir(), 'bench-profile-'));
  const env = { ...variant.env, ...(variant.needsPort ? await peerPortEnv() : {}) };
  const server = await startNode(variant.script, env, variant.ready, ['--cpu-prof', `--cpu-prof-dir=${dir}`], variant.start);
  if (variant.startRequest) await postJson(server.url, variant.startRequest);
  const warm = await postJson(server.url, body);
  await postJson(server.url, body);
  const load = await runLoad(server.url, body, (await postJson(server.url, body)).text, {
    seconds: settings.loadSeconds,
    connections: settings.connections,
  });
  console.log(`${variant.key} / ${query.name}: ${load.requestsPerSecond.toFixed(0)} req/s, p50 ${load.p50Ms} ms (${warm.text.length} bytes per answer)`);
  await server.stop();
  await simulator.child.stop();
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error(`no profile written to ${dir}`);
  report(join(dir, file));
}

runMain(main);
