import { RestartPolicy } from '../../src/cluster/restart-policy';

const options = { initialDelayMs: 100, maxDelayMs: 1_000, stableMs: 10_000, maxStartFailures: 3 };

describe('RestartPolicy', () => {
  it('backs off while workers keep dying soon after starting, up to the bound', () => {
    const policy = new RestartPolicy(options);
    expect([1, 2, 3, 4, 5].map(() => policy.onExit(50))).toEqual([100, 200, 400, 800, 1_000].map((restartInMs) => ({ restartInMs })));
  });

  it('starts the delay over after a worker that served long enough', () => {
    const policy = new RestartPolicy(options);
    policy.onExit(50);
    policy.onExit(50);
    expect(policy.onExit(10_000)).toEqual({ restartInMs: 100 });
  });

  it('gives up once replacements in a row die before serving; one that served resets the count', () => {
    const policy = new RestartPolicy(options);
    expect(policy.onExit(undefined)).toEqual({ restartInMs: 100 });
    expect(policy.onExit(undefined)).toEqual({ restartInMs: 200 });
    expect(policy.onExit(5)).toEqual({ restartInMs: 400 });
    expect(policy.onExit(undefined)).toEqual({ restartInMs: 800 });
    expect(policy.onExit(undefined)).toEqual({ restartInMs: 1_000 });
    expect(policy.onExit(undefined)).toEqual({ giveUp: '3 workers in a row died before serving' });
  });
});
