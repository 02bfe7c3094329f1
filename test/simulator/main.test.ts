import { SimulatorEnvError, simulatorOptionsFromEnv } from '../../datasources/simulator/env';

describe('simulatorOptionsFromEnv', () => {
  it('defaults the port to 4010 and leaves the rest to the simulator', () => {
    expect(simulatorOptionsFromEnv({})).toEqual({ port: 4010 });
  });

  it('reads every SIM_ variable', () => {
    const options = simulatorOptionsFromEnv({
      SIM_HOST: '0.0.0.0',
      SIM_PORT: '0',
      SIM_USERS: '100000',
      SIM_SEED: '-3',
      SIM_LATENCY_MS: '12.5',
      SIM_FAILURE_RATE: '0.05',
      SIM_TOKEN_TTL_SECONDS: '30',
      SIM_PRECOMPUTED: 'true',
    });
    expect(options).toEqual({ host: '0.0.0.0', port: 0, users: 100000, seed: -3, latencyMs: 12.5, failureRate: 0.05, tokenTtlSeconds: 30, precomputed: true });
    expect(simulatorOptionsFromEnv({ SIM_PRECOMPUTED: '0' }).precomputed).toBe(false);
  });

  it('treats empty values as unset', () => {
    expect(simulatorOptionsFromEnv({ SIM_PORT: '', SIM_USERS: ' ', SIM_HOST: '' })).toEqual({ port: 4010 });
  });

  it.each([
    ['SIM_PORT', '70000'],
    ['SIM_PORT', 'http'],
    ['SIM_USERS', '-1'],
    ['SIM_USERS', '1.5'],
    ['SIM_SEED', 'forty-one'],
    ['SIM_LATENCY_MS', '-5'],
    ['SIM_FAILURE_RATE', '1.5'],
    ['SIM_FAILURE_RATE', 'NaN'],
    ['SIM_TOKEN_TTL_SECONDS', '0'],
    ['SIM_PRECOMPUTED', 'yes'],
  ])('names %s when it is %p', (variable, value) => {
    const read = () => simulatorOptionsFromEnv({ [variable]: value });
    expect(read).toThrow(SimulatorEnvError);
    expect(read).toThrow(new RegExp(`^${variable}: `));
  });
});
