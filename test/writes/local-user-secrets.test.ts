import { trace } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { startStack, type Stack } from '../helpers/stack';
import { captureLogs, type LogCapture } from '../helpers/log-capture';
import { CREATE, SET_PASSWORD, type CreateData, type SetPasswordData } from './local-user-fixtures';

const PASSWORD = 'Sup3r-Secret-Pa55phrase-7f3a';
const OTHER_PASSWORD = 'An0ther-Secret-Pa55-91c2';

/**
 * Passwords are write-only (docs/local-users.md#passwords): the string written appears in its upstream request
 * and nowhere else. Every way out is scanned: GraphQL responses (data and errors), log lines (debug level),
 * audit lines, trace span names, attributes and events, and what the idempotency store keeps.
 */
describe('a written password goes nowhere but its upstream call', () => {
  const exporter = new InMemorySpanExporter();
  const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  let stack: Stack;
  let logs: LogCapture;
  const stored: string[] = [];

  beforeAll(async () => {
    provider.register();
    logs = captureLogs('debug');
    stack = await startStack({ logger: logs.logger, settings: { resilience: { initialBackoffMs: 1, maxBackoffMs: 2 } } });
    const store = stack.upstream.cache.coordination;
    const keep = <A extends unknown[], R>(fn: (...args: A) => R) => (...args: A): R => {
      stored.push(JSON.stringify(args));
      return fn(...args);
    };
    store.set = keep(store.set.bind(store));
    store.setIfAbsent = keep(store.setIfAbsent.bind(store));
  });
  afterAll(async () => {
    await stack.close();
    await provider.shutdown();
    trace.disable();
  });

  it('in no response, error, log line, audit line, trace attribute or idempotency record', async () => {
    const responses: unknown[] = [];
    const ask = async <T>(document: string, input: Record<string, unknown>) => {
      const answer = await stack.query<T, { input: Record<string, unknown> }>(document, { input });
      responses.push(answer);
      return answer;
    };

    // Created with a password and an idempotency key, then replayed.
    const created = await ask<CreateData>(CREATE, { username: 'secret.keeper', password: PASSWORD, idempotencyKey: 'create-secret-keeper' });
    const id = created.data!.createLocalUser.user!.id;
    await ask<CreateData>(CREATE, { username: 'secret.keeper', password: PASSWORD, idempotencyKey: 'create-secret-keeper' });
    // Set, then set again while PrivX refuses it (a 400) and while it fails (a 500, retried, then an error).
    await ask<SetPasswordData>(SET_PASSWORD, { id, password: OTHER_PASSWORD, requireChange: true });
    stack.simulator.injectFault({ method: 'PUT', route: '/local-user-store/api/v1/users/:id/password', status: 400, times: 1 });
    const rejected = await ask<SetPasswordData>(SET_PASSWORD, { id, password: PASSWORD });
    expect(rejected.data?.setLocalUserPassword.userErrors[0]?.code).toBe('UPSTREAM_REJECTED');
    stack.simulator.injectFault({ method: 'PUT', route: '/local-user-store/api/v1/users/:id/password', status: 500 });
    const failed = await ask<SetPasswordData>(SET_PASSWORD, { id, password: PASSWORD });
    expect(failed.errors?.[0]?.extensions?.code).toBe('UPSTREAM_ERROR');
    stack.simulator.clearFaults();
    // A create PrivX fails, and inputs GraphQL itself refuses (an unknown field, a wrong type beside the password).
    stack.simulator.injectFault({ method: 'POST', route: '/local-user-store/api/v1/users', status: 500, times: 1 });
    const createFailed = await ask<CreateData>(CREATE, { username: 'secret.keeper.2', password: PASSWORD });
    expect(createFailed.errors?.[0]?.extensions?.code).toBe('UPSTREAM_ERROR');
    const unknownField = await ask<CreateData>(CREATE, { username: 'secret.keeper.3', password: PASSWORD, pasword: PASSWORD });
    expect(unknownField.errors?.[0]).toMatchObject({
      message: 'Variable "$input" got an invalid value; Field "pasword" is not defined by type "CreateLocalUserInput". Did you mean "password"?',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const wrongType = await ask<CreateData>(CREATE, { username: 'secret.keeper.4', password: PASSWORD, requirePasswordChange: 'yes' });
    expect(wrongType.errors).toBeDefined();
    const blank = await ask<SetPasswordData>(SET_PASSWORD, { id, password: '' });
    expect(blank.data?.setLocalUserPassword.userErrors[0]?.field).toEqual(['input', 'password']);

    // It did reach PrivX: the simulator keeps its hash.
    expect(stack.simulator.data.localUsers.find((u) => u.id === id)?.password?.password).toMatch(/^\$sim-sha256\$/);

    const spans = exporter.getFinishedSpans().map((s) => ({ name: s.name, attributes: s.attributes, events: s.events, status: s.status }));
    expect(spans.length).toBeGreaterThan(5);
    const audit = logs.lines().filter((l) => l.audit === true);
    expect(audit.map((l) => l.operation)).toEqual(expect.arrayContaining(['createLocalUser', 'setLocalUserPassword']));
    expect(stored.length).toBeGreaterThan(0);

    for (const [where, text] of [
      ['responses', JSON.stringify(responses)],
      ['log lines', logs.text()],
      ['audit lines', JSON.stringify(audit)],
      ['trace spans', JSON.stringify(spans)],
      ['idempotency and lock records', stored.join('\n')],
    ] as const) {
      for (const secret of [PASSWORD, OTHER_PASSWORD]) expect({ where, leaked: text.includes(secret) }).toEqual({ where, leaked: false });
    }
  });
});
