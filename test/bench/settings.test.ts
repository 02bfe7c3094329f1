import { benchSettings } from '../../bench/settings';

describe('benchSettings (BENCH_*)', () => {
  it('defaults to the full run', () => {
    expect(benchSettings({})).toEqual({
      quick: false,
      latencyMs: 5,
      simulatorPrecomputed: false,
      users: 500,
      seed: 41,
      rounds: 3,
      warmupSeconds: 2,
      loadSeconds: 8,
      connections: 10,
      queries: undefined,
      variants: undefined,
      loadConnections: [10, 50],
      writeReport: true,
    });
  });

  it('reads the quick run and its overrides', () => {
    const settings = benchSettings({ BENCH_QUICK: '1', BENCH_ROUNDS: '3', BENCH_QUERIES: 'UsersNested, Entities', BENCH_LOAD_CONNECTIONS: 'none', BENCH_SIM_PRECOMPUTED: 'true' });
    expect(settings).toMatchObject({ quick: true, rounds: 3, loadSeconds: 1.5, queries: ['UsersNested', 'Entities'], loadConnections: [], simulatorPrecomputed: true, writeReport: false });
  });

  it.each([
    ['BENCH_ROUNDS', '-1'],
    ['BENCH_LOAD_CONNECTIONS', '10,x'],
    ['BENCH_QUICK', 'yes'],
  ])('names %s when it is %p', (name, value) => {
    expect(() => benchSettings({ [name]: value })).toThrow(new RegExp(`^${name} `));
  });
});
