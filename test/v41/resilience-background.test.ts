import { RequestScope, runInRequestScope } from '../../datasources/v41/request-scope';
import { backgroundShare, DEFAULT_RESILIENCE, UpstreamResilience } from '../../datasources/v41/resilience';

/** The change poller's calls (a background scope) never take more than their share of the upstream concurrency. */
describe('background work and the upstream concurrency cap', () => {
  it('holds at most an eighth of the slots, and a request is served beside it at once', async () => {
    const resilience = new UpstreamResilience({ ...DEFAULT_RESILIENCE, concurrency: 16 });
    expect(backgroundShare(16)).toBe(2);
    expect(backgroundShare(4)).toBe(1);
    let inFlight = 0;
    let most = 0;
    const releases: (() => void)[] = [];
    const slow = () =>
      new Promise<string>((resolve) => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        releases.push(() => {
          inFlight -= 1;
          resolve('background');
        });
      });
    const background = new RequestScope(60_000, 1_000, Date.now(), true);
    const polls = runInRequestScope(background, () => Promise.all(Array.from({ length: 10 }, () => resilience.execute('poll', slow))));
    await new Promise((resolve) => setImmediate(resolve));
    expect(inFlight).toBe(2);

    const request = new RequestScope(10_000, 100);
    await expect(runInRequestScope(request, () => resilience.execute('request', async () => 'served'))).resolves.toBe('served');

    while (releases.length > 0 || inFlight > 0) {
      releases.splice(0).forEach((release) => release());
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(await polls).toHaveLength(10);
    expect(most).toBe(2);
  });
});
