import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runLoad } from '../../bench/load';

/** bench/load.ts in the load section: 503 SERVER_BUSY is counted; any other unexpected answer still fails the run. */

const EXPECTED = '{"data":{"ok":true}}';
const BUSY = '{"errors":[{"message":"busy","extensions":{"code":"SERVER_BUSY"}}]}';

async function serve(answer: (n: number) => [number, string]): Promise<{ url: string; server: Server }> {
  let n = 0;
  const server = createServer((req, res) => {
    req.resume();
    const [status, body] = answer((n += 1));
    res.writeHead(status, { 'content-type': 'application/json' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, server };
}

describe('bench load runs and SERVER_BUSY', () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));
  const options = { seconds: 0.3, connections: 2, acceptBusy: true };

  it('counts 503 SERVER_BUSY apart from the served answers', async () => {
    const target = await serve((n) => (n % 3 === 0 ? [503, BUSY] : [200, EXPECTED]));
    server = target.server;
    const result = await runLoad(target.url, '{}', EXPECTED, options);
    expect(result.busy).toBeGreaterThan(0);
    expect(result.timeouts).toBe(0);
    expect(result.requests).toBeGreaterThan(result.busy);
  });

  it.each([
    ['a 503 with another body', [503, '{"errors":[{"message":"down"}]}']],
    ['a SERVER_BUSY body with 200', [200, BUSY]],
    ['a 500', [500, EXPECTED]],
  ] as [string, [number, string]][])('fails on %s', async (_case, odd) => {
    const target = await serve((n) => (n % 3 === 0 ? odd : [200, EXPECTED]));
    server = target.server;
    await expect(runLoad(target.url, '{}', EXPECTED, options)).rejects.toThrow(/had failures/);
  });

  it('without acceptBusy, SERVER_BUSY fails the run like any other unexpected answer', async () => {
    const target = await serve((n) => (n % 3 === 0 ? [503, BUSY] : [200, EXPECTED]));
    server = target.server;
    await expect(runLoad(target.url, '{}', EXPECTED, { ...options, acceptBusy: false })).rejects.toThrow(/had failures/);
  });
});
