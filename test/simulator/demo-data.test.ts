import { generateDemoData, SHOWCASE } from '../../datasources/simulator/demo-data';
import type { DemoData, RawRoleStoreUser } from '../../datasources/simulator/demo-types';
import { isUuid } from '../../datasources/simulator/random';

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

describe('generateDemoData', () => {
  let data: DemoData;
  beforeAll(() => {
    data = generateDemoData({ users: 500, seed: 41 });
  });

  const share = (predicate: (user: RawRoleStoreUser) => boolean) => data.users.filter(predicate).length / data.users.length;

  it('is deterministic for a seed and differs between seeds', () => {
    expect(JSON.stringify(generateDemoData({ users: 500, seed: 41 }))).toBe(JSON.stringify(data));
    expect(generateDemoData({ users: 500, seed: 42 }).users[0]?.id).not.toBe(data.users[0]?.id);
  });

  it('keeps the first users identical whatever the total, so examples stay stable', () => {
    const larger = generateDemoData({ users: 1000, seed: 41 });
    expect(JSON.stringify(larger.users.slice(0, 500))).toBe(JSON.stringify(data.users));
    expect(larger.sources).toEqual(data.sources);
  });

  it('has four directories: LOCAL, AD, a disabled LDAP and an OIDC one whose sync failed', () => {
    const { local, ad, ldap, oidc } = data.directories;
    expect(data.sources).toEqual([local, ad, ldap, oidc]);
    expect(local).toMatchObject({ name: 'Local users', enabled: true, status_code: 'OK', connection: { type: 'LOCAL' } });
    expect(ad).toMatchObject({ name: 'Corporate AD', enabled: true, status_code: 'OK', connection: { type: 'AD' } });
    expect(ldap).toMatchObject({ enabled: false, connection: { type: 'LDAP' } });
    expect(oidc).toMatchObject({ enabled: true, status_code: 'SYNC_FAILED', connection: { type: 'OIDC' } });
    for (const source of data.sources) {
      expect(Object.keys(source)).toEqual(expect.arrayContaining(['id', 'name', 'created', 'updated', 'author', 'ttl', 'enabled', 'status_code', 'status_text', 'comment', 'tags', 'username_pattern', 'connection']));
      expect(source.updated_by ?? source.updatedby).toBeDefined();
    }
    expect(ldap.updatedby).toBeDefined();
  });

  it('spreads users over the directories, with source_type matching the directory', () => {
    const byId = new Map(data.sources.map((source) => [source.id, source]));
    for (const user of data.users) expect(byId.get(user.source)?.connection.type).toBe(user.source_type);
    expect(share((u) => u.source_type === 'LOCAL')).toBeGreaterThan(0.22);
    expect(share((u) => u.source_type === 'LOCAL')).toBeLessThan(0.38);
    expect(share((u) => u.source_type === 'AD')).toBeGreaterThan(0.4);
    expect(share((u) => u.source_type === 'LDAP')).toBeGreaterThan(0.06);
    expect(share((u) => u.source_type === 'OIDC')).toBeGreaterThan(0.03);
  });

  it('gives every record valid, unique ids and principals, and RFC 3339 timestamps', () => {
    expect(data.users).toHaveLength(500);
    const ids = data.users.map((u) => u.id);
    expect(new Set(ids).size).toBe(500);
    expect(new Set(data.users.map((u) => u.principal.toLowerCase())).size).toBe(500);
    for (const user of data.users) {
      expect(isUuid(user.id)).toBe(true);
      expect(user.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(user.created).toMatch(RFC3339);
      expect(user.updated >= user.created).toBe(true);
      expect(user.created >= '2019-01-01' && user.updated < '2026-01-01').toBe(true);
    }
  });

  it('has about fifteen roles whose member counts match the users holding them', () => {
    expect(data.roles.length).toBeGreaterThanOrEqual(14);
    expect(data.roles.length).toBeLessThanOrEqual(17);
    expect(data.roles.map((r) => r.name)).toEqual(expect.arrayContaining(['privx-admin', 'users-view', 'ssh-prod-admins', 'db-readonly', 'auditors']));
    expect(data.roles.some((r) => r.system)).toBe(true);
    expect(data.roles.some((r) => r.updatedby !== undefined)).toBe(true);
    for (const role of data.roles) {
      const held = data.users.flatMap((u) => u.roles.filter((r) => r.id === role.id));
      expect(role.member_count).toBe(held.length);
      expect(role.explicit_count).toBe(held.filter((r) => r.explicit).length);
      for (const assignment of held) expect(assignment).toMatchObject({ name: role.name, system: role.system });
    }
    expect(data.roles.some((r) => r.member_count === 0)).toBe(true);
    for (const user of data.users) expect(user.roles.length).toBeLessThanOrEqual(4);
  });

  it('has role assignments of every grant type, with their details', () => {
    const assignments = data.users.flatMap((u) => u.roles);
    const floating = assignments.filter((a) => a.grant_type === 'FLOATING');
    const timed = assignments.filter((a) => a.grant_type === 'TIME_RESTRICTED');
    expect(assignments.filter((a) => a.grant_type === 'PERMANENT').length).toBeGreaterThan(assignments.length * 0.7);
    expect(floating.length).toBeGreaterThan(0);
    expect(timed.length).toBeGreaterThan(0);
    for (const a of floating) expect(a.floating_length).toBeGreaterThan(0);
    for (const a of timed) {
      expect(a.grant_start).toMatch(RFC3339);
      for (const p of a.grant_validity_periods ?? []) expect(p.grant_end > p.grant_start).toBe(true);
    }
    expect(assignments.some((a) => a.implicit && !a.explicit)).toBe(true);
  });

  it('places time-restricted grants around the given day: ended, scheduled, active, several periods, open-ended', () => {
    const today = Date.UTC(2026, 5, 1);
    const timed = generateDemoData({ users: 500, seed: 41, grantsAround: today }).users.flatMap((u) => u.roles).filter((a) => a.grant_type === 'TIME_RESTRICTED');
    const periodsOf = (a: (typeof timed)[number]) => a.grant_validity_periods ?? [{ grant_start: a.grant_start!, grant_end: a.grant_end }];
    const ended = (a: (typeof timed)[number]) => periodsOf(a).every((p) => p.grant_end !== undefined && Date.parse(p.grant_end) <= today);
    const holding = (a: (typeof timed)[number]) =>
      periodsOf(a).some((p) => Date.parse(p.grant_start) <= today && (p.grant_end === undefined || today < Date.parse(p.grant_end)));
    expect(timed.some(ended)).toBe(true);
    expect(timed.some((a) => !ended(a) && !holding(a))).toBe(true);
    expect(timed.some((a) => holding(a) && periodsOf(a).length > 1)).toBe(true);
    expect(timed.some((a) => a.grant_end === undefined && holding(a))).toBe(true);
    // Every edge at least two days from that day, so a state "now" holds for the whole day.
    for (const edge of timed.flatMap((a) => periodsOf(a).flatMap((p) => [p.grant_start, p.grant_end]))) {
      if (edge !== undefined) expect(Math.abs(Date.parse(edge) - today)).toBeGreaterThanOrEqual(2 * 86_400_000);
    }
  });

  it('joins every LOCAL user to one local record by source_user_id', () => {
    const local = data.users.filter((u) => u.source_type === 'LOCAL');
    const records = new Map(data.localUsers.map((l) => [l.id, l]));
    expect(data.localUsers).toHaveLength(local.length);
    for (const user of local) {
      expect(user.source_user_id).toBe(user.id);
      const record = records.get(user.source_user_id);
      expect(record).toMatchObject({ username: user.principal, email: user.email, company: user.company });
      expect(record?.password?.password.length).toBeGreaterThan(20);
      expect(typeof record?.password_change_required).toBe('boolean');
      expect(record?.display_name).toBeTruthy();
    }
    const changeRequired = data.localUsers.filter((l) => l.password_change_required).length;
    expect(changeRequired).toBeGreaterThan(0);
    expect(changeRequired).toBeLessThan(data.localUsers.length * 0.25);
    expect(data.localUsers.some((l) => l.username.includes('@'))).toBe(true);
    for (const user of data.users.filter((u) => u.source_type !== 'LOCAL')) expect(user.source_user_id).toBe(user.external_id);
  });

  it('varies phones (with extensions), locales, companies and attributes', () => {
    const phones = data.users.map((u) => u.telephone);
    expect(phones.some((p) => p === undefined)).toBe(true);
    expect(phones.some((p) => /^\+358 \d+ \d{3} \d{4}$/.test(p ?? ''))).toBe(true);
    expect(phones.some((p) => / x\d+$/.test(p ?? ''))).toBe(true);
    expect(phones.some((p) => / ext\. \d+$/.test(p ?? ''))).toBe(true);
    expect(phones.some((p) => /;ext=\d+$/.test(p ?? ''))).toBe(true);

    const locales = new Set(data.users.map((u) => u.locale));
    for (const locale of ['fi_FI', 'en_US', 'sv_SE', 'de_DE', 'en_GB', undefined]) expect(locales).toContain(locale);

    const companies = new Set(data.users.map((u) => u.company));
    expect(companies).toContain('Acme Corp');
    expect(companies).toContain('Northwind: EMEA');
    expect(companies).toContain('');
    expect(new Set(data.users.map((u) => u.department)).size).toBeGreaterThanOrEqual(8);
    expect(data.users.some((u) => u.email === undefined)).toBe(true);

    const attributes = data.users.flatMap((u) => u.attributes);
    expect(attributes.some((a) => a.key === 'avatar' && a.value.startsWith('https://'))).toBe(true);
    expect(attributes.some((a) => a.key === 'timezone' && a.value === 'Europe/Helsinki')).toBe(true);
    expect(attributes.some((a) => a.key === 'github' && a.value.startsWith('https://github.com/'))).toBe(true);
    expect(attributes.some((a) => a.key === 'windows_sid' && a.value.startsWith('S-1-5-21-'))).toBe(true);
    for (const user of data.users.filter((u) => u.attributes.some((a) => a.key === 'windows_sid'))) expect(user.source_type).toBe('AD');
    expect(new Set(data.users.flatMap((u) => u.tags))).toEqual(new Set(['contractor', 'oncall', 'vpn', 'finance-approver', 'admin-tier0', 'remote']));
  });

  it('carries the documented spelling drift, an unknown key and secrets to strip', () => {
    expect(share((u) => u.updatedby !== undefined)).toBeGreaterThan(0.1);
    expect(share((u) => u.updatedby !== undefined)).toBeLessThan(0.3);
    expect(share((u) => u.given_name !== undefined)).toBeGreaterThan(0.04);
    expect(share((u) => u.RefreshTimestamp !== undefined)).toBeGreaterThan(0.2);
    expect(data.users.some((u) => u.x_vendor_note !== undefined)).toBe(true);
    expect(data.users.some((u) => u.webauthn_credentials !== undefined)).toBe(true);
    expect(data.users.some((u) => u.current_session_id !== undefined)).toBe(true);
    expect(data.users.some((u) => u.api_token !== undefined)).toBe(true);
    for (const user of data.users) {
      expect(user.updated_by === undefined).not.toBe(user.updatedby === undefined);
      expect(user.mfa.seed !== undefined).toBe(user.mfa.status === 'ENABLED');
    }
  });

  it('pins the first users to one mapping rule each', () => {
    const [invited, displayName, rich, firstLast, twoWords, threeWords, disabledDir, syncFailed, drift, secrets, colon, empty] = data.users;
    const localOf = (user: RawRoleStoreUser | undefined) => data.localUsers.find((l) => l.id === user?.id);

    expect(SHOWCASE).toHaveLength(12);
    expect(localOf(invited)?.password_change_required).toBe(true);
    expect(displayName).toMatchObject({ source_type: 'LOCAL', full_name: undefined });
    expect(displayName?.first_name).toBeDefined();
    expect(localOf(displayName)).toMatchObject({ full_name: undefined, display_name: expect.stringMatching(/^\S+ \S\.$/) });
    expect(rich?.telephone).toMatch(/ x\d+$/);
    expect(rich?.attributes.map((a) => a.key)).toEqual(['avatar', 'timezone', 'homepage', 'github', 'windows_sid']);
    expect(firstLast).toMatchObject({ source_type: 'AD', full_name: undefined });
    expect(firstLast?.first_name && firstLast.last_name).toBeTruthy();
    expect(twoWords).toMatchObject({ first_name: undefined, given_name: undefined, last_name: undefined });
    expect(twoWords?.full_name?.split(' ')).toHaveLength(2);
    expect(threeWords).toMatchObject({ first_name: undefined, last_name: undefined });
    expect(threeWords?.full_name?.split(' ')).toHaveLength(3);
    expect(disabledDir?.source).toBe(data.directories.ldap.id);
    expect(syncFailed?.source).toBe(data.directories.oidc.id);
    expect(drift).toMatchObject({ first_name: undefined, updated_by: undefined });
    expect(drift?.given_name && drift.updatedby && drift.RefreshTimestamp).toBeTruthy();
    expect(drift?.telephone).toMatch(/ ext\. \d+$/);
    expect(secrets?.principal).toContain('@');
    expect(secrets?.telephone).toMatch(/;ext=\d+$/);
    expect(secrets?.webauthn_credentials && secrets.current_session_id && secrets.api_token && secrets.x_vendor_note && secrets.mfa.seed).toBeTruthy();
    expect(colon?.company).toBe('Northwind: EMEA');
    expect(colon?.tags).toHaveLength(3);
    expect(empty).toMatchObject({ company: '', email: undefined, telephone: undefined, locale: undefined, roles: [], tags: [], attributes: [] });
  });

  it('keeps the documented seed-41 examples stable (update the docs if this changes)', () => {
    expect(data.users.slice(0, SHOWCASE.length).map((u) => u.principal)).toEqual([
      'lorenzo.lefevre',
      'sakura.hamalainen',
      'eleni.johansson',
      'lorenzo.kapoor',
      'annaliisa.mensah',
      'nour.okafor',
      'ochen',
      'jorg.farahani@partners.example',
      'rasa.esposito',
      'hugo.jarvinen@local.example.com',
      'seoyeon.iyer',
      'vikram.rossi',
    ]);
    expect(data.users[0]?.id).toBe('7e5f8d0d-a171-4b61-ba1d-9e295cafc7cd');
    expect(data.directories.local.id).toBe('a9daa73f-7ac4-4c65-bf8b-2ce6c1bf6faf');
    for (const showcase of SHOWCASE) expect(showcase.rule).toEqual(expect.any(String));
  });

  it('hits every name rule across the whole set too', () => {
    const noNameParts = (u: RawRoleStoreUser) => u.first_name === undefined && u.given_name === undefined && u.last_name === undefined;
    expect(share((u) => u.full_name !== undefined && !noNameParts(u))).toBeGreaterThan(0.8);
    expect(share((u) => u.full_name === undefined)).toBeGreaterThan(0.02);
    expect(share((u) => u.full_name === undefined)).toBeLessThan(0.1);
    expect(data.users.filter((u) => noNameParts(u) && u.full_name?.split(' ').length === 2).length).toBeGreaterThan(3);
    expect(data.users.filter((u) => noNameParts(u) && u.full_name?.split(' ').length === 3).length).toBeGreaterThan(3);
    expect(data.users.filter((u) => u.source_type === 'LOCAL' && u.full_name === undefined).length).toBeGreaterThan(1);
  });

  it('generates 100,000 users', () => {
    const big = generateDemoData({ users: 100_000, seed: 41 });
    expect(big.users).toHaveLength(100_000);
    expect(big.users[99_999]?.id).toBeDefined();
    expect(new Set(big.users.map((u) => u.principal)).size).toBe(100_000);
  });

  it('rejects a bad user count or seed', () => {
    expect(() => generateDemoData({ users: -1, seed: 41 })).toThrow(RangeError);
    expect(() => generateDemoData({ users: 10, seed: 1.5 })).toThrow(RangeError);
  });
});
