import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { envSchema } from '../../src/config';
import { DEFAULT_SIMULATOR_OPTIONS } from '../../datasources/simulator/server';

/**
 * docs/configuration.md is the one table of settings; these tests hold it to the code, so a default changed in
 * `src/config.ts` (or the simulator's) without the table fails here instead of drifting.
 */
const root = join(__dirname, '..', '..');
const page = readFileSync(join(root, 'docs', 'configuration.md'), 'utf8');

interface Row {
  names: string[];
  defaults: string;
}

const rows: Row[] = [...page.matchAll(/^\| ([^|]+) \| ([^|]+) \|/gm)]
  .map((m) => ({ names: [...m[1]!.matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((v) => v[1]!), defaults: m[2]!.trim() }))
  .filter((row) => row.names.length > 0);

const backticked = (cell: string) => [...cell.matchAll(/`([^`]*)`/g)].map((m) => m[1]!);
const shape = envSchema.shape as Record<string, { parse(value: unknown): unknown }>;

/** The simulator's settings and where their defaults live. */
const SIMULATOR_DEFAULTS: Record<string, unknown> = {
  SIM_USERS: DEFAULT_SIMULATOR_OPTIONS.users,
  SIM_SEED: DEFAULT_SIMULATOR_OPTIONS.seed,
  SIM_LATENCY_MS: DEFAULT_SIMULATOR_OPTIONS.latencyMs,
  SIM_FAILURE_RATE: DEFAULT_SIMULATOR_OPTIONS.failureRate,
  SIM_FAILURE_STATUS: DEFAULT_SIMULATOR_OPTIONS.failureStatus,
  SIM_CHANGES_PER_MINUTE: DEFAULT_SIMULATOR_OPTIONS.changesPerMinute,
};

function codeDefault(name: string): unknown {
  if (name in SIMULATOR_DEFAULTS) return SIMULATOR_DEFAULTS[name];
  const field = shape[name];
  if (!field) throw new Error(`${name} is documented but not read by src/config.ts`);
  return field.parse(undefined);
}

describe('docs/configuration.md', () => {
  it('documents settings', () => {
    expect(rows.length).toBeGreaterThan(20);
  });

  it('documents every variable the configuration schema reads', () => {
    const documented = new Set(rows.flatMap((row) => row.names));
    expect(Object.keys(shape).filter((name) => !documented.has(name))).toEqual([]);
  });

  it.each(rows.map((row) => [row.names.join(', '), row]))('%s: the stated default is the one the code applies', (_names, row) => {
    const values = backticked(row.defaults);
    const plain = row.defaults.replace(/`[^`]*`/g, '').trim();
    if (row.defaults === 'unset' || row.defaults === '—') {
      for (const name of row.names) expect([name, codeDefault(name)]).toEqual([name, undefined]);
    } else if (plain === '' || plain === ',' || /^(, )+$/.test(plain.replace(/,\s*/g, ', '))) {
      // One literal per variable (`a`, `b`, …): each must be what the code applies.
      expect(values).toHaveLength(row.names.length);
      row.names.forEach((name, i) => expect([name, String(codeDefault(name))]).toEqual([name, values[i]]));
    } else {
      // A default that depends on the mode ("`*` in development; none in production") is decided at load time:
      // the variable must still be one the code reads.
      for (const name of row.names) expect(() => codeDefault(name)).not.toThrow();
    }
  });
});

describe('every other page that states a setting\'s default', () => {
  // A table row `| \`SETTING\` | \`default\` | … |` anywhere in the README or docs/ (changes.md repeats the CHANGES_*
  // rows, production.md the ones a deployment sets): its default must be the code's too.
  const known = (name: string) => name in shape || name in SIMULATOR_DEFAULTS;
  const pages = ['README.md', ...readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md') && f !== 'configuration.md').map((f) => join('docs', f))];
  const stated = pages.flatMap((file) =>
    [...readFileSync(join(root, file), 'utf8').matchAll(/^\| `([A-Z][A-Z0-9_]+)` \| `([^`|]*)` \|/gm)]
      .filter((m) => known(m[1]!))
      .map((m): [string, string, string] => [file, m[1]!, m[2]!]),
  );

  it('finds the rows it checks', () => {
    expect(stated.map(([file]) => file)).toContain(join('docs', 'changes.md'));
  });

  it.each(stated)('%s: %s = %s, as the code applies', (_file, name, value) => {
    expect(String(codeDefault(name))).toBe(value);
  });
});

describe('.env.example', () => {
  it('lists every variable of docs/configuration.md', () => {
    const example = readFileSync(join(root, '.env.example'), 'utf8');
    const listed = new Set([...example.matchAll(/^([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]));
    expect(rows.flatMap((row) => row.names).filter((name) => !listed.has(name))).toEqual([]);
  });
});
