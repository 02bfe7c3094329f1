import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareSchemas, parseAcknowledged } from '../../src/schema/compatibility';

const committed = readFileSync(join(__dirname, '..', '..', 'schema', 'schema.graphql'), 'utf8');

/** The committed SDL with one line of the `User` type changed. */
function editUser(edit: (userBlock: string) => string): string {
  const start = committed.indexOf('\ntype User\n');
  const end = committed.indexOf('\n}\n', start);
  expect(start).toBeGreaterThan(0);
  return committed.slice(0, start) + edit(committed.slice(start, end)) + committed.slice(end);
}

describe('schema compatibility (npm run schema:check)', () => {
  it('the committed schema against itself: nothing', async () => {
    const report = await compareSchemas(committed, committed, []);
    expect(report.breaking).toEqual([]);
    expect(report.others).toEqual([]);
  });

  it('a removed field is breaking and fails until acknowledged', async () => {
    const removed = editUser((block) => block.replace(/\n\s*"""[^"]*"""\n\s*username: String\n/, '\n'));
    const report = await compareSchemas(committed, removed, []);
    expect(report.unacknowledged.map((c) => [c.type, c.path])).toEqual([['FIELD_REMOVED', 'User.username']]);
    const acknowledged = await compareSchemas(committed, removed, [{ type: 'FIELD_REMOVED', path: 'User.username', reason: 'nobody reads it (router usage)' }]);
    expect(acknowledged.breaking).toHaveLength(1);
    expect(acknowledged.unacknowledged).toEqual([]);
  });

  it('a field made nullable is breaking; a new field is not', async () => {
    const changed = editUser((block) => block.replace(/\n(\s*)id: ID!\n/, '\n$1id: ID\n$1nickname: String\n'));
    const report = await compareSchemas(committed, changed, []);
    expect(report.unacknowledged.map((c) => c.type)).toEqual(['FIELD_TYPE_CHANGED']);
    expect(report.others.map((c) => [c.type, c.path])).toContainEqual(['FIELD_ADDED', 'User.nickname']);
  });

  it('the acknowledgement file needs a type, a path and a reason', () => {
    expect(parseAcknowledged('{ "acknowledged": [] }')).toEqual([]);
    expect(() => parseAcknowledged('{ "acknowledged": [{ "type": "FIELD_REMOVED", "path": "User.x" }] }')).toThrow(/reason/);
    expect(() => parseAcknowledged('[]')).toThrow(/acknowledged/);
    expect(parseAcknowledged(readFileSync(join(__dirname, '..', '..', 'schema', 'breaking-changes.json'), 'utf8'))).toEqual(expect.any(Array));
  });
});
