import { InFlightLimit, type Release, type Ticket } from '../../src/admission/in-flight-limit';

const slot = (outcome: unknown): Release => {
  if (typeof outcome !== 'function') throw new Error(`expected a slot, got ${String(outcome)}`);
  return outcome as Release;
};
const ticket = (outcome: unknown): Ticket => {
  if (typeof outcome !== 'object' || outcome === null) throw new Error(`expected a ticket, got ${String(outcome)}`);
  return outcome as Ticket;
};

describe('InFlightLimit', () => {
  afterEach(() => jest.useRealTimers());

  it('grants slots up to the bound, queues up to its length, then refuses; freed slots go to the queue in arrival order', async () => {
    const limit = new InFlightLimit({ maxInFlight: 2, maxQueued: 2, maxQueueWaitMs: 60_000 });
    const [a, b] = [slot(limit.acquire()), slot(limit.acquire())];
    const [first, second] = [ticket(limit.acquire()), ticket(limit.acquire())];
    expect(limit.acquire()).toBe('queue-full');
    expect([limit.inFlight, limit.queued]).toEqual([2, 2]);

    a();
    a(); // a second release of the same slot frees nothing more
    const firstSlot = slot(await first.turn);
    expect([limit.inFlight, limit.queued]).toEqual([2, 1]);
    b();
    const secondSlot = slot(await second.turn);
    firstSlot();
    secondSlot();
    expect([limit.inFlight, limit.queued]).toEqual([0, 0]);
  });

  it('refuses a request that waited maxQueueWaitMs, and gives up the place of one whose client left', async () => {
    jest.useFakeTimers();
    const limit = new InFlightLimit({ maxInFlight: 1, maxQueued: 5, maxQueueWaitMs: 100 });
    const running = slot(limit.acquire());
    const waits = ticket(limit.acquire());
    const leaves = ticket(limit.acquire());
    leaves.leave();
    expect(await leaves.turn).toBe('left');
    expect(limit.queued).toBe(1);
    jest.advanceTimersByTime(100);
    expect(await waits.turn).toBe('queue-timeout');
    expect(limit.queued).toBe(0);
    running();
    expect(limit.inFlight).toBe(0);
  });

  it('maxInFlight 0: no bound', () => {
    const limit = new InFlightLimit({ maxInFlight: 0, maxQueued: 0, maxQueueWaitMs: 1 });
    for (let i = 0; i < 1_000; i += 1) slot(limit.acquire());
    expect(limit.inFlight).toBe(0);
  });
});
