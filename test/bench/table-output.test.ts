import type { Measurement } from '../../bench/measure';
import type { BenchQuery } from '../../bench/queries';
import { FLOOR_RESOLUTION_MS, ratios, resultsTable, summarise, targetList } from '../../bench/table';
import type { Variant } from '../../bench/variants';
import { BUSY_FOREIGN_CPUS, runVerdict } from '../../bench/verdict';

/** The bench's report, from made-up measurements: no bench is run. */
const query = (name: string, label: string) => ({ name, label }) as BenchQuery;
const variant = (key: Variant['key'], label: string) => ({ key, label }) as Variant;
const TYPENAME = query('Typename', '{ __typename }');
const NESTED = query('UsersNested', 'users(first: 100) nested');
const VARIANTS = [variant('product', 'product'), variant('naive', 'naive'), variant('sdl', 'SDL baseline'), variant('ceiling', 'ceiling')];

function measured(q: BenchQuery, v: Variant['key'], figures: Partial<Measurement> = {}): Measurement {
  return { round: 1, variant: v, query: q.name, requestsPerSecond: 1000, p50Ms: 5, p99Ms: 9, coldCalls: 20, warmCalls: 1, cpuMsPerRequest: 0.52, peakRssMb: 120, foreignCpus: 0.1, ...figures };
}

const cells = (line: string) => line.split('|').slice(1, -1).map((cell) => cell.trim());
const rowsOf = (table: string, label: string) => table.split('\n').filter((line) => cells(line)[0] === label).map(cells);

describe('bench output', () => {
  const measurements = [
    measured(TYPENAME, 'product', { cpuMsPerRequest: 0.52, coldCalls: 0, warmCalls: 0 }),
    measured(TYPENAME, 'sdl', { cpuMsPerRequest: 0.5, coldCalls: 0, warmCalls: 0 }),
    measured(NESTED, 'product', { cpuMsPerRequest: 8.7, requestsPerSecond: 126 }),
    measured(NESTED, 'naive', { cpuMsPerRequest: 30, coldCalls: 201, warmCalls: 201, requestsPerSecond: 20 }),
    measured(NESTED, 'sdl', { cpuMsPerRequest: 8.8, requestsPerSecond: 124 }),
    measured(NESTED, 'ceiling', { cpuMsPerRequest: 5, requestsPerSecond: 200 }),
  ];
  // `{ __typename }`'s floor is a fifth of a microsecond; the nested page's 0.43 ms.
  const floors = new Map([
    ['Typename', 0.0002],
    ['UsersNested', 0.43],
  ]);

  it('{ __typename }: its floor below the 1 µs resolution shows as "< 0.001", and no ratio is taken to it', () => {
    expect(FLOOR_RESOLUTION_MS).toBe(0.001);
    const table = resultsTable(summarise(measurements), [TYPENAME, NESTED], VARIANTS, floors);
    const typename = rowsOf(table, '{ __typename }');
    expect(typename[0]).toEqual(['{ __typename }', '**floor** (parse + stringify)', '', '', '', '', '', '< 0.001', '', '']);
    expect(typename[1]).toEqual(['{ __typename }', 'product', '1000', '5.0', '9.0', '0', '0', '0.52', '', '120']);
    expect(typename.flat().filter((cell) => cell.endsWith("x"))).toEqual([]);
    // A floor above the resolution keeps its ratio.
    const nested = rowsOf(table, 'users(first: 100) nested');
    expect(nested[0]![7]).toBe('0.430');
    expect(nested[0]![8]).toBe('1.00x');
    expect(nested.find((cellsOfRow) => cellsOfRow[1] === 'product')![8]).toBe('20.23x');
  });

  it('no CPU-to-floor target is checked against a floor below the resolution', () => {
    const { targets } = ratios(summarise(measurements), measurements, [TYPENAME, NESTED], new Map([['UsersNested', 0.0004]]));
    expect(targets.map((t) => t.text).filter((text) => text.includes('the floor'))).toEqual([]);
    const withFloor = ratios(summarise(measurements), measurements, [TYPENAME, NESTED], floors).targets;
    expect(withFloor.map((t) => t.text)).toContain('users(first: 100) nested: product CPU per request 20.2x the floor (target <= 6x)');
  });

  it('a quick run reads as readings, with one verdict line naming the run that can judge', () => {
    const targets = [
      { text: 'a: 0.90x (target >= 0.95x)', met: false },
      { text: 'b: 12x (target >= 5x)', met: true },
    ];
    const verdict = runVerdict({ quick: true, foreignCpus: [0.05, 0.1], cpus: 2, targets });
    expect(verdict).toEqual({
      judged: false,
      line: 'Verdict: this run cannot judge the targets: it is a quick run (BENCH_QUICK: one short round, a smoke test). The run that can: `npm run bench` (3 rounds of 8 s, about 18 minutes) on a machine with nothing else running.',
    });
    expect(targetList(targets, verdict.judged)).toBe('- below target: a: 0.90x (target >= 0.95x)\n- at target: b: 12x (target >= 5x)');
    expect(targetList(targets, verdict.judged)).not.toContain('MISSED');
  });

  it('a full run on a busy machine cannot judge either, and says how busy', () => {
    const verdict = runVerdict({ quick: false, foreignCpus: [0.9, 1.3, 1.1], cpus: 2, targets: [] });
    expect(verdict.judged).toBe(false);
    expect(verdict.line).toBe(
      `Verdict: this run cannot judge the targets: other processes kept a median of 1.10 of the 2 CPUs busy (more than ${BUSY_FOREIGN_CPUS}). The run that can: \`npm run bench\` (3 rounds of 8 s, about 18 minutes) on a machine with nothing else running.`,
    );
  });

  it('a full run on a quiet machine judges: met and MISSED, counted', () => {
    const targets = [
      { text: 'a', met: false },
      { text: 'b', met: true },
      { text: 'c', met: true },
    ];
    const verdict = runVerdict({ quick: false, foreignCpus: [0.05, 0.2, 0.1], cpus: 2, targets });
    expect(verdict).toEqual({ judged: true, line: 'Verdict: this run can judge the targets (full, quiet machine): 2 met, 1 missed.' });
    expect(targetList(targets, verdict.judged)).toBe('- MISSED: a\n- met: b\n- met: c');
  });
});
