import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { childEnv, ROOT } from './processes';
import type { BenchQuery } from './queries';
import type { SimulatorClient } from './simulator';

const run = promisify(execFile);

/** The query's floor (CPU ms per request), measured in a fresh Node process: see floor-worker.ts. */
export async function measureFloor(query: BenchQuery, simulator: SimulatorClient, responseText: string, seconds: number): Promise<number> {
  const bodies = await query.warmUpstream(simulator);
  const dir = mkdtempSync(join(tmpdir(), 'bench-floor-'));
  try {
    const file = join(dir, 'input.json');
    writeFileSync(file, JSON.stringify({ bodies, response: responseText, seconds }));
    const { stdout } = await run(process.execPath, [resolve(ROOT, 'dist/bench/floor-worker.js'), file], { cwd: ROOT, env: childEnv({}) });
    return (JSON.parse(stdout) as { cpuMsPerRequest: number }).cpuMsPerRequest;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
