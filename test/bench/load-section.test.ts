import { loadTargets, type LoadMeasurement } from '../../bench/load-section';
import { loadEnvFrom } from '../../bench/load-variants';

const at50 = (figures: Partial<LoadMeasurement>): LoadMeasurement => ({
  round: 0,
  key: 'product',
  connections: 50,
  requestsPerSecond: 50,
  p50Ms: 200,
  p99Ms: 400,
  maxMs: 500,
  busy: 0,
  busyMaxMs: 0,
  timeouts: 0,
  cpuMsPerRequest: 17,
  deadlineMs: 10_000,
  ...figures,
});

describe('bench load section', () => {
  it.each([
    ['p99 within 5x p50', {}, true],
    ['a long tail, no refusals', { p99Ms: 5_800 }, false],
    ['a long tail, but refusals and nothing past the deadline', { p99Ms: 1_100, maxMs: 1_200, busy: 300, busyMaxMs: 15 }, true],
    ['refusals, but a served request past the deadline', { p99Ms: 1_100, maxMs: 10_500, busy: 300 }, false],
    ['refusals, but requests given up at the deadline', { p99Ms: 1_100, busy: 300, timeouts: 2 }, false],
    ['a short tail, but requests given up at the deadline', { timeouts: 1 }, false],
  ])('the 50-connection target: %s', (_case, figures, met) => {
    const targets = loadTargets([at50({ connections: 10, p99Ms: 99_999 }), at50(figures), at50({ key: 'alt', p99Ms: 99_999 })]);
    expect(targets).toHaveLength(1);
    expect(targets[0]!.met).toBe(met);
    expect(targets[0]!.text).toMatch(/^At 50 connections: .*target: p99 <= 5x p50, or SERVER_BUSY rejections and no request slower than the 10000 ms deadline/);
  });

  it('BENCH_LOAD_ENV: NAME=value pairs, anything else refused', () => {
    expect(loadEnvFrom('MAX_IN_FLIGHT=4, MAX_QUEUED=0')).toEqual({ MAX_IN_FLIGHT: '4', MAX_QUEUED: '0' });
    expect(loadEnvFrom('')).toEqual({});
    expect(() => loadEnvFrom('MAX_IN_FLIGHT')).toThrow(/BENCH_LOAD_ENV/);
  });
});
