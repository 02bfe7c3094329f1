import { PrecomputedAnswers } from '../../datasources/simulator/precomputed';
import { type RunningSimulator, startSimulator } from '../../datasources/simulator/server';
import { accessToken } from './sim-client';

const RS = '/role-store/api/v1';

/** The simulator's precomputed-response mode (SIM_PRECOMPUTED): the same bytes, every call still counted. */
describe('simulator precomputed answers', () => {
  let plain: RunningSimulator;
  let precomputed: RunningSimulator;
  const tokens = new Map<RunningSimulator, string>();
  beforeAll(async () => {
    [plain, precomputed] = await Promise.all([startSimulator(), startSimulator({ precomputed: true })]);
    for (const sim of [plain, precomputed]) tokens.set(sim, await accessToken(sim));
  });
  afterAll(() => Promise.all([plain.close(), precomputed.close()]));

  async function text(sim: RunningSimulator, method: string, path: string, body?: unknown): Promise<{ status: number; text: string; type: string | null }> {
    const response = await fetch(`${sim.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${tokens.get(sim)}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, text: await response.text(), type: response.headers.get('content-type') };
  }

  it('answers a repeated read with the bytes the plain simulator sends, and counts every call', async () => {
    const userId = plain.data.users[7]!.id;
    const reads: [string, string, unknown?][] = [
      ['GET', `${RS}/users/${userId}`],
      ['GET', `${RS}/roles?limit=1000&sortkey=name`],
      ['POST', `${RS}/users/search?limit=100&sortkey=principal&sortdir=ASC`, {}],
      ['POST', `${RS}/users/search?limit=10`, { user_id: plain.data.users.slice(0, 10).map((u) => u.id) }],
      ['GET', '/local-user-store/api/v1/users?limit=5'],
    ];
    precomputed.stats.reset();
    for (const [method, path, body] of reads) {
      const expected = await text(plain, method, path, body);
      const first = await text(precomputed, method, path, body);
      const again = await text(precomputed, method, path, body);
      expect(first).toEqual(expected);
      expect(again).toEqual(expected);
      expect(again.type).toBe('application/json; charset=utf-8');
    }
    expect(precomputed.stats.snapshot().total).toBe(reads.length * 2);
  });

  it('keeps a search body apart from another one on the same URL', async () => {
    const path = `${RS}/users/search?limit=1000`;
    const a = await text(precomputed, 'POST', path, { user_id: [plain.data.users[0]!.id] });
    const b = await text(precomputed, 'POST', path, { user_id: [plain.data.users[1]!.id] });
    expect((JSON.parse(a.text) as { items: { id: string }[] }).items.map((u) => u.id)).toEqual([plain.data.users[0]!.id]);
    expect((JSON.parse(b.text) as { items: { id: string }[] }).items.map((u) => u.id)).toEqual([plain.data.users[1]!.id]);
  });

  it('still checks the token, injects faults and answers errors afresh', async () => {
    const path = `${RS}/sources`;
    expect((await text(precomputed, 'GET', path)).status).toBe(200);
    const anonymous = await fetch(`${precomputed.url}${path}`);
    expect(anonymous.status).toBe(401);
    precomputed.injectFault({ method: 'GET', route: `${RS}/sources`, status: 503, times: 1 });
    expect((await text(precomputed, 'GET', path)).status).toBe(503);
    expect((await text(precomputed, 'GET', path)).status).toBe(200);
    const missing = `${RS}/users/6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b`;
    expect((await text(precomputed, 'GET', missing)).status).toBe(404);
    expect((await text(precomputed, 'GET', missing)).status).toBe(404);
  });

  it('keeps only 200 answers of reads, and forgets every answer on a write', async () => {
    const answers = new PrecomputedAnswers();
    let computed = 0;
    const compute = () => ((computed += 1), { status: 200, body: { n: computed } });
    const read = () => answers.answer('GET', '/x', '/x?a=1', '', compute);
    expect(read()).toEqual({ status: 200, raw: Buffer.from('{"n":1}') });
    expect(read()).toEqual({ status: 200, raw: Buffer.from('{"n":1}') });
    expect(answers.answer('GET', '/x', '/x?a=2', '', compute)).toEqual({ status: 200, raw: Buffer.from('{"n":2}') });
    expect(answers.size).toBe(2);
    expect(answers.answer('PUT', '/x', '/x', '{}', () => ({ status: 200 }))).toEqual({ status: 200 });
    expect(answers.size).toBe(0);
    expect(answers.answer('GET', '/y', '/y', '', () => ({ status: 404, body: { error_code: 'NOT_FOUND' } }))).toEqual({ status: 404, body: { error_code: 'NOT_FOUND' } });
    expect(answers.size).toBe(0);
  });
});
