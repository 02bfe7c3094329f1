import { firstLastName, nameNeedsLocalRecord, userName } from '../../src/entities/user/names.mapping';
import { localUser, rsUser } from './factories';

describe('firstLastName', () => {
  it.each([
    ['both parts', { first_name: 'Alice', last_name: 'Smith', full_name: 'Dr Alice B Smith' }, 'Alice', 'Smith'],
    ['first only (full name not split)', { first_name: 'Alice', full_name: 'Alice Smith' }, 'Alice', null],
    ['last only (full name not split)', { last_name: ' Smith ', full_name: 'Alice Smith' }, null, 'Smith'],
    ['two-word full name', { full_name: 'Alice Smith' }, 'Alice', 'Smith'],
    ['two words, extra whitespace', { full_name: '  Alice \t Smith ' }, 'Alice', 'Smith'],
    ['blank parts count as missing', { first_name: ' ', last_name: '', full_name: 'Alice Smith' }, 'Alice', 'Smith'],
    ['one-word full name', { full_name: 'Alice' }, null, null],
    ['three-word full name', { full_name: 'Alice Beth Smith' }, null, null],
    ['nothing', {}, null, null],
  ])('%s', (_case, fields, firstName, lastName) => {
    expect(firstLastName(rsUser(fields))).toEqual({ firstName, lastName });
  });
});

describe('userName', () => {
  it.each([
    ['full name first', { full_name: ' Alice Smith ', first_name: 'A', last_name: 'S' }, { display_name: 'Ally' }, 'Alice Smith'],
    ['local display name', { first_name: 'Alice', last_name: 'Smith' }, { display_name: ' Ally ' }, 'Ally'],
    ['derived first and last', { first_name: 'Alice', last_name: 'Smith' }, null, 'Alice Smith'],
    ['derived first only', { first_name: 'Alice' }, { display_name: '  ' }, 'Alice'],
    ['derived last only', { last_name: 'Smith' }, null, 'Smith'],
    ['nothing', {}, null, null],
    ['nothing, blank local name', { full_name: ' ' }, { display_name: '' }, null],
  ])('%s', (_case, rs, local, expected) => {
    expect(userName(rsUser(rs), local && localUser(local))).toBe(expected);
  });
});

describe('nameNeedsLocalRecord', () => {
  it.each([
    [{ source_type: 'LOCAL' }, true],
    [{ source_type: 'LOCAL', full_name: '  ' }, true],
    [{ source_type: 'LOCAL', full_name: 'Alice Smith' }, false],
    [{ source_type: 'AD' }, false],
    [{}, false],
  ])('%j → %s', (fields, expected) => {
    expect(nameNeedsLocalRecord(rsUser(fields))).toBe(expected);
  });
});
