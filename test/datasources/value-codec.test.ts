import { decodeValue, encodeValue } from '../../datasources/cache/value-codec';
import { RoleMembershipIndex } from '../../datasources/upstream-catalog';

describe('cached value codec', () => {
  it('round-trips plain data, Maps and Sets, dropping undefined fields as JSON does', () => {
    const value = {
      list: [1, 'two', null, { three: 3 }],
      byId: new Map([['a', { id: 'a', tags: ['x'] }], ['b', { id: 'b', tags: [] }]]),
      names: new Set(['x', 'y']),
      nested: { deeper: { n: 1.5, yes: true, missing: undefined } },
    };
    expect(decodeValue(encodeValue(value))).toEqual({ ...value, nested: { deeper: { n: 1.5, yes: true } } });
  });

  it('keeps data keys that look like its own tags as data', () => {
    const value = { '~r': 1, '~m': [['k', 'v']], inner: { '~s': ['a'] } };
    expect(decodeValue(encodeValue(value))).toEqual(value);
  });

  it('writes an object repeated across a membership index once and gives back shared objects', () => {
    const admin = { id: 'role-admin', name: 'admin', explicit: true, permissions: ['users-view'] };
    const index = new Map(Array.from({ length: 2_000 }, (_, i) => [`user-${i}`, [{ ...admin }, { id: 'role-ops', name: 'ops' }]]));
    const bytes = encodeValue(index);
    const plainJson = Buffer.byteLength(JSON.stringify([...index]));
    expect(bytes.length).toBeLessThan(plainJson / 10);
    const decoded = decodeValue(bytes) as Map<string, { id: string }[]>;
    expect(decoded.get('user-1999')).toEqual([admin, { id: 'role-ops', name: 'ops' }]);
    expect(decoded.get('user-0')?.[0]).toBe(decoded.get('user-1')?.[0]);
  });

  it('round-trips the role-membership index with its member records, as its own class', () => {
    const admin = { id: 'role-admin', name: 'admin' };
    const index = new RoleMembershipIndex([['u1', [admin]]]);
    index.members.set('u1', { id: 'u1', tags: [], roles: [admin] } as never);
    const decoded = decodeValue(encodeValue(index)) as RoleMembershipIndex;
    expect(decoded).toBeInstanceOf(RoleMembershipIndex);
    expect(decoded.get('u1')).toEqual([admin]);
    expect(decoded.members.get('u1')).toEqual({ id: 'u1', tags: [], roles: [admin] });
  });

  it('refuses what is not plain data rather than flattening it', () => {
    class Tagged extends Map<string, number> {
      note = 'lost if encoded as a Map';
    }
    expect(() => encodeValue(new Tagged())).toThrow('cannot encode a Tagged');
    expect(() => encodeValue({ at: new Date(0) })).toThrow('cannot encode a Date');
    expect(() => encodeValue({ f: () => 1 })).toThrow('cannot encode a function');
  });
});
