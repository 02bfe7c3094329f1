import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { ROOT } from './processes';
import type { BenchSettings } from './settings';

/** The machine a run was measured on, and BENCHMARKS.md's generated section. */

export function machineDescription(): string {
  let cpu = 'unknown CPU';
  try {
    cpu = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpu;
  } catch {
    // not Linux: keep "unknown"
  }
  return `${availableParallelism()} CPUs (nproc), ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}, ${process.platform}`;
}

export function runDescription(settings: BenchSettings, simulatorUsers: number): string {
  return (
    `${settings.rounds} round(s), variants interleaved, medians reported; per run ${settings.warmupSeconds} s warm-up + ` +
    `${settings.loadSeconds} s of autocannon load, ${settings.connections} connections; simulator with ${simulatorUsers} users, ` +
    `seed ${settings.seed}, ${settings.latencyMs} ms latency per upstream call` +
    `${settings.simulatorPrecomputed ? ', precomputed answers (repeated reads replayed from serialized bodies: the simulator\'s CPU out of the way)' : ''}; ` +
    'every process on loopback on the same machine.'
  );
}

const BEGIN = '<!-- bench:begin (written by `npm run bench`; edit outside these markers) -->';
const END = '<!-- bench:end -->';

/** Replaces the generated section of BENCHMARKS.md, keeping whatever was written around it. */
export function writeBenchmarksSection(section: string): string {
  const file = resolve(ROOT, 'BENCHMARKS.md');
  const block = `${BEGIN}\n${section.trim()}\n${END}`;
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n\n';
  const start = current.indexOf(BEGIN);
  const end = current.indexOf(END);
  const next = start >= 0 && end > start ? current.slice(0, start) + block + current.slice(end + END.length) : `${current.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, next);
  return file;
}
