import { MemoryChangeLog } from '../../src/changes/memory-change-log';
import { grantEdges, grantSetKey, nextEdgeOf, rolesThatDiffer } from '../../src/changes/grant-edges';
import type { HeldGrant } from '../../src/changes/poller-state';
import { BadCursorError, CursorExpiredError } from '../../src/changes';

describe('MemoryChangeLog', () => {
  let clock = 1_000_000;
  const log = () => new MemoryChangeLog({ retentionMs: 60_000, maxEntries: 3 }, () => clock);

  it('answers pages after a cursor, in order, with the end cursor also when nothing is newer', async () => {
    const feed = log();
    const empty = await feed.read(undefined, 10);
    expect(empty.changes).toEqual([]);
    const [a, b] = await feed.append([
      { kind: 'UPDATED', userId: 'u1', at: 1 },
      { kind: 'DELETED', userId: 'u2', at: 2 },
    ]);
    expect((await feed.read(empty.endCursor, 10)).changes).toEqual([a, b]);
    expect(await feed.read(a!.cursor, 10)).toEqual({ changes: [b], endCursor: b!.cursor });
    expect(await feed.read(b!.cursor, 10)).toEqual({ changes: [], endCursor: b!.cursor });
    expect(await feed.read(undefined, 10, new Set(['DELETED']))).toEqual({ changes: [b], endCursor: b!.cursor });
    expect(await feed.newestCursor()).toBe(b!.cursor);
  });

  it('keeps at most maxEntries and the retention; a cursor before what was dropped is expired, a foreign one too', async () => {
    const feed = log();
    const start = (await feed.read(undefined, 0)).endCursor;
    const first = await feed.append([{ kind: 'CREATED', userId: 'u1', at: 1 }]);
    await feed.append([2, 3, 4].map((n) => ({ kind: 'UPDATED' as const, userId: `u${n}`, at: n })));
    // u1 was dropped: a cursor before it lost it; u1's own cursor lost nothing (u2 onwards are kept).
    await expect(feed.read(start, 10)).rejects.toBeInstanceOf(CursorExpiredError);
    expect((await feed.read(first[0]!.cursor, 10)).changes.map((c) => c.userId)).toEqual(['u2', 'u3', 'u4']);
    const kept = await feed.read(undefined, 10);
    expect(kept.changes.map((c) => c.userId)).toEqual(['u2', 'u3', 'u4']);
    clock += 61_000;
    await expect(feed.read(kept.changes[0]!.cursor, 10)).rejects.toBeInstanceOf(CursorExpiredError);
    // The newest cursor stays valid although its change aged out: nothing after it was lost.
    expect(await feed.read(kept.endCursor, 10)).toEqual({ changes: [], endCursor: kept.endCursor });
    await expect(log().read(kept.endCursor, 10)).rejects.toBeInstanceOf(CursorExpiredError); // another process's log
    await expect(feed.read('garbage', 10)).rejects.toBeInstanceOf(BadCursorError);
  });

  it('tells listeners of every change appended', async () => {
    const feed = log();
    const heard: string[] = [];
    const stop = feed.listen((change) => heard.push(change.userId));
    await feed.append([{ kind: 'UPDATED', userId: 'u1', at: 1 }]);
    stop();
    await feed.append([{ kind: 'UPDATED', userId: 'u2', at: 2 }]);
    expect(heard).toEqual(['u1']);
  });
});

describe('grant edges', () => {
  const hour = 3_600_000;
  const windowed: HeldGrant = { roleId: 'r1', kind: 'TIME_RESTRICTED', periods: [[10 * hour, 12 * hour]] };

  it('finds a grant starting and ending at its period edges, and nothing for a permanent grant', () => {
    expect(grantEdges(windowed, 0, 9 * hour)).toEqual([]);
    expect(grantEdges(windowed, 9 * hour, 11 * hour)).toEqual([{ kind: 'GRANT_STARTED', roleId: 'r1', at: 10 * hour }]);
    expect(grantEdges(windowed, 11 * hour, 13 * hour)).toEqual([{ kind: 'GRANT_ENDED', roleId: 'r1', at: 12 * hour }]);
    expect(grantEdges(windowed, 0, 20 * hour).map((e) => e.kind)).toEqual(['GRANT_STARTED', 'GRANT_ENDED']);
    expect(grantEdges({ roleId: 'r2', kind: 'PERMANENT', periods: [] }, 0, 20 * hour)).toEqual([]);
    expect(nextEdgeOf([windowed], 11 * hour)).toBe(12 * hour);
  });

  it('compares grant sets by role, kind and periods, in any order', () => {
    const permanent: HeldGrant = { roleId: 'r2', kind: 'PERMANENT', periods: [] };
    expect(grantSetKey([windowed, permanent])).toBe(grantSetKey([permanent, windowed]));
    const moved: HeldGrant = { ...windowed, periods: [[10 * hour, 13 * hour]] };
    expect(rolesThatDiffer([windowed, permanent], [moved, permanent])).toEqual(['r1']);
    expect(rolesThatDiffer([windowed], [windowed, permanent])).toEqual(['r2']);
  });
});
