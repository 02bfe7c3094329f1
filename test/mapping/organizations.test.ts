import { encodeOrganizationId } from '../../src/entities/shared/ids.mapping';
import { isInOrganization, organizationFromId, organizationsOf } from '../../src/entities/organization/organizations.mapping';
import { rsUser } from './factories';

describe('organizationsOf', () => {
  it.each([
    ['Acme Oy', [{ id: encodeOrganizationId('Acme Oy'), name: 'Acme Oy' }]],
    ['  Acme Oy ', [{ id: encodeOrganizationId('Acme Oy'), name: 'Acme Oy' }]],
    ['', []],
    [' ', []],
    [undefined, []],
  ])('company %j → %j', (company, expected) => {
    expect(organizationsOf(rsUser({ company }))).toEqual(expected);
  });
});

describe('organizationFromId', () => {
  it.each(['Acme Oy', 'A:B%C', 'Åbo Akademi'])('finds the organization of a user of %j', (company) => {
    const [organization] = organizationsOf(rsUser({ company }));
    expect(organization).toBeDefined();
    expect(organizationFromId(organization!.id)).toEqual(organization);
  });

  it.each(['', 'nope', encodeOrganizationId(''), Buffer.from('org:Acme').toString('base64')])('rejects %j', (id) => {
    expect(organizationFromId(id)).toBeNull();
  });
});

describe('isInOrganization', () => {
  it.each([
    [' Acme Oy ', 'Acme Oy', true],
    ['Acme Oy Ab', 'Acme Oy', false],
    ['acme oy', 'Acme Oy', false],
    [undefined, 'Acme Oy', false],
  ])('company %j in %j → %s', (company, name, expected) => {
    expect(isInOrganization(rsUser({ company }), name)).toBe(expected);
  });
});
