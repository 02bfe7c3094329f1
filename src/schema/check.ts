import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { compareSchemas, parseAcknowledged, type CompatibilityReport } from './compatibility';
import { identitySchema } from './identity-schema';
import { printSubgraphSdl } from './print-subgraph-sdl';

/**
 * `npm run schema:check`: the schema the code serves against the committed one, in the working tree and at
 * the base revision (`SCHEMA_BASE_REF`; else the merge base with `main`; on `main` itself its parent commit).
 * Fails on a breaking change unless `schema/breaking-changes.json` acknowledges it.
 */
const SCHEMA_PATH = 'schema/schema.graphql';
const ACK_FILE = resolve(process.cwd(), 'schema', 'breaking-changes.json');

function git(...args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

function baseRef(): string | undefined {
  if (process.env.SCHEMA_BASE_REF) return process.env.SCHEMA_BASE_REF;
  const head = git('rev-parse', 'HEAD');
  const main = git('rev-parse', '--verify', '--quiet', 'main') ?? git('rev-parse', '--verify', '--quiet', 'origin/main');
  if (!head || !main) return undefined;
  const mergeBase = git('merge-base', 'HEAD', main);
  if (mergeBase && mergeBase !== head) return mergeBase;
  return git('rev-parse', '--verify', '--quiet', 'HEAD^');
}

function print(label: string, report: CompatibilityReport): void {
  for (const change of report.breaking) {
    const mark = report.unacknowledged.includes(change) ? 'BREAKING' : 'breaking (acknowledged)';
    console.log(`  ${mark}: ${change.message} [${change.type} ${change.path ?? ''}]`);
  }
  for (const change of report.others) console.log(`  ${change.criticality.level.toLowerCase()}: ${change.message}`);
  if (report.breaking.length + report.others.length === 0) console.log(`  no change against ${label}`);
}

async function main(): Promise<void> {
  const served = printSubgraphSdl(await identitySchema());
  const acknowledged = existsSync(ACK_FILE) ? parseAcknowledged(readFileSync(ACK_FILE, 'utf8')) : [];
  const baselines: [string, string][] = [[`${SCHEMA_PATH} (working tree)`, readFileSync(resolve(process.cwd(), SCHEMA_PATH), 'utf8')]];
  const ref = baseRef();
  const atRef = ref ? git('show', `${ref}:${SCHEMA_PATH}`) : undefined;
  if (ref && atRef !== undefined) baselines.push([`${SCHEMA_PATH} at ${ref.slice(0, 12)}`, atRef]);
  else console.log('No base revision to compare with (no git history, or SCHEMA_BASE_REF unreadable): checking the working tree only.');

  const failed = new Set<string>();
  for (const [label, sdl] of baselines) {
    console.log(`Served schema against ${label}:`);
    const report = await compareSchemas(sdl, served, acknowledged);
    print(label, report);
    for (const change of report.unacknowledged) failed.add(`${change.type} ${change.path ?? ''}`);
  }
  if (failed.size > 0) {
    console.error(
      `\n${failed.size} unacknowledged breaking change(s). Keep the field (deprecate it first), or acknowledge each in schema/breaking-changes.json ` +
        '({ "type", "path", "reason" }) in the same commit.',
    );
    process.exit(1);
  }
  console.log('Schema check passed.');
}

main().catch((error: unknown) => {
  console.error(`schema:check failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
