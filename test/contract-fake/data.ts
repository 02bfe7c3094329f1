/**
 * Hand-written data set of the contract fake, written from the upstream contract alone (docs/upstream-v41.md,
 * local users as in its #local-user section), never from the project's own simulator, so the two cannot share a
 * misreading of the contract.
 *
 * Every record is raw v41 JSON as the wire carries it, drift and secrets included. The cases each user exercises
 * are listed next to it; `expected.ts` holds the unified values written by hand from docs/mapping.md.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** The admin who "authored" everything (a plain uuid; never resolved). */
export const ADMIN_ID = '99999999-0000-4000-8000-000000000001';

export const SOURCE_IDS = {
  local: '55555555-0000-4000-8000-000000000001',
  ad: '55555555-0000-4000-8000-000000000002',
  ldap: '55555555-0000-4000-8000-000000000003',
  oidc: '55555555-0000-4000-8000-000000000004',
} as const;

export const ROLE_IDS = {
  admin: '66666666-0000-4000-8000-000000000001',
  employees: '66666666-0000-4000-8000-000000000002',
  developers: '66666666-0000-4000-8000-000000000003',
  auditors: '66666666-0000-4000-8000-000000000004',
  contractors: '66666666-0000-4000-8000-000000000005',
  nightShift: '66666666-0000-4000-8000-000000000006',
  unused: '66666666-0000-4000-8000-000000000007',
  breakGlass: '66666666-0000-4000-8000-000000000008',
} as const;

/** Prefix says the directory: 1 LOCAL, 2 AD, 3 LDAP (disabled), 4 OIDC (DEGRADED). */
export const USER_IDS = {
  alice: '11111111-0000-4000-8000-000000000001',
  bob: '11111111-0000-4000-8000-000000000002',
  carol: '11111111-0000-4000-8000-000000000003',
  dave: '11111111-0000-4000-8000-000000000004',
  erin: '11111111-0000-4000-8000-000000000005',
  frank: '11111111-0000-4000-8000-000000000006',
  grace: '11111111-0000-4000-8000-000000000007',
  heidi: '11111111-0000-4000-8000-000000000008',
  ivan: '11111111-0000-4000-8000-000000000009',
  judy: '22222222-0000-4000-8000-000000000001',
  ken: '22222222-0000-4000-8000-000000000002',
  liam: '22222222-0000-4000-8000-000000000003',
  mia: '22222222-0000-4000-8000-000000000004',
  noah: '22222222-0000-4000-8000-000000000005',
  olivia: '22222222-0000-4000-8000-000000000006',
  peter: '22222222-0000-4000-8000-000000000007',
  quinn: '22222222-0000-4000-8000-000000000008',
  rita: '22222222-0000-4000-8000-000000000009',
  sam: '33333333-0000-4000-8000-000000000001',
  tina: '33333333-0000-4000-8000-000000000002',
  uma: '33333333-0000-4000-8000-000000000003',
  victor: '33333333-0000-4000-8000-000000000004',
  wendy: '44444444-0000-4000-8000-000000000001',
  xavier: '44444444-0000-4000-8000-000000000002',
  yara: '44444444-0000-4000-8000-000000000003',
  zoe: '44444444-0000-4000-8000-000000000004',
} as const;

/**
 * Every secret string planted in the payloads. None may ever appear in a GraphQL response: the v41 client must
 * strip `password`, `mfa.seed`, keys containing `secret`/`token`, `webauthn_credentials`, `current_session_id`.
 */
export const SECRETS = {
  pwAlice: 'pw-alice-Zq8!contract',
  pwBob: 'pw-bob-Hk2!contract',
  pwCarol: 'pw-carol-Lm5!contract',
  pwDave: 'pw-dave-Rt7!contract',
  pwErin: 'pw-erin-Vb3!contract',
  pwFrank: 'pw-frank-Np9!contract',
  pwGrace: 'pw-grace-Wd4!contract',
  pwIvan: 'pw-ivan-Qs6!contract',
  mfaAlice: 'MFASEED-ALICE-JBSWY3DPEHPK3PXP',
  mfaJudy: 'MFASEED-JUDY-KRUGS4ZANFZSAYJA',
  mfaXavier: 'MFASEED-XAVIER-MFRGGZDFMZTWQ2LK',
  apiSecretJudy: 'sekrit-api-secret-judy-0b5e',
  sessionJudy: 'sekrit-session-judy-77d1',
  webauthnIdJudy: 'sekrit-webauthn-cred-judy-a1',
  webauthnKeyJudy: 'sekrit-webauthn-pubkey-judy-c3',
  integrationSecretJudy: 'sekrit-x-integration-client-secret-judy',
  integrationTokenJudy: 'sekrit-x-integration-access-token-judy',
  refreshXavier: 'sekrit-x-oauth-refresh-token-xavier',
  apiTokenYara: 'sekrit-x-integrations-api-token-yara',
  oidcClientSecret: 'sekrit-oidc-client-secret-partner',
} as const;

export const CONTRACT_SECRETS: readonly string[] = Object.values(SECRETS);

// ---------------------------------------------------------------------------------------------------------------
// Sources: one per branch of the status table (and of Workspace.type).

export const SOURCES: JsonObject[] = [
  {
    id: SOURCE_IDS.ad, name: 'Corporate AD', created: '2020-01-01T00:00:00Z', updated: '2024-05-05T05:05:05Z',
    author: ADMIN_ID, updated_by: ADMIN_ID, ttl: 900, enabled: true, status_code: 'OK', status_text: 'Connected',
    comment: '', tags: [], username_pattern: ['.*@corp.example.com'],
    connection: { type: 'AD', address: 'ad.corp.example.com', port: 636, base_dn: 'DC=corp,DC=example,DC=com' },
  },
  {
    id: SOURCE_IDS.local, name: 'Local users', created: '2020-01-01T00:00:00Z', updated: '2020-01-01T00:00:00Z',
    author: ADMIN_ID, updated_by: ADMIN_ID, ttl: 0, enabled: true, status_code: 'OK', status_text: '',
    comment: 'built-in', tags: [], username_pattern: [], connection: { type: 'LOCAL' },
  },
  {
    // Disabled directory: its users are INACTIVE/source_disabled.
    id: SOURCE_IDS.ldap, name: 'Legacy LDAP', created: '2019-06-01T08:00:00Z', updated: '2023-02-02T02:02:02Z',
    author: ADMIN_ID, updatedby: ADMIN_ID, ttl: 3600, enabled: false, status_code: 'OK', status_text: 'disabled',
    comment: 'being retired', tags: ['legacy'], username_pattern: [],
    connection: { type: 'LDAP', address: 'ldap.example.com', port: 389 },
  },
  {
    // Enabled but unhealthy: its users are ACTIVE with rawStatus DEGRADED.
    id: SOURCE_IDS.oidc, name: 'Partner OIDC', created: '2022-09-09T09:09:09Z', updated: '2025-01-01T00:00:00Z',
    author: ADMIN_ID, updated_by: ADMIN_ID, ttl: 300, enabled: true, status_code: 'DEGRADED',
    status_text: 'token endpoint slow', comment: '', tags: [], username_pattern: [],
    connection: {
      type: 'OIDC', oidc_issuer: 'https://idp.partner.example.com', oidc_client_id: 'privx',
      oidc_client_secret: SECRETS.oidcClientSecret,
    },
  },
];

// ---------------------------------------------------------------------------------------------------------------
// Roles (member_count/explicit_count are filled in from the users below, so they always agree).

const BASE_ROLES: JsonObject[] = [
  role(ROLE_IDS.employees, 'employees', false, ['users-view'], 'everyone with a job'),
  role(ROLE_IDS.admin, 'privx-admin', true, ['users-manage', 'roles-manage', 'sources-manage'], 'built-in'),
  role(ROLE_IDS.developers, 'developers', false, ['hosts-view'], 'engineering hosts'),
  role(ROLE_IDS.auditors, 'auditors', false, ['audit-view'], 'read the audit log'),
  {
    ...role(ROLE_IDS.contractors, 'contractors', false, ['hosts-view'], 'time-boxed access'),
    // Office hours in Helsinki, from the office network (IPv4 and IPv6) only.
    context: {
      enabled: true, block_role: true, validity: ['MON', 'TUE', 'WED', 'THU', 'FRI'], start_time: '08:00',
      end_time: '17:00', timezone: 'Europe/Helsinki', ip_masks: ['10.1.0.0/16', '2001:db8:abcd::/48'],
    },
  },
  {
    ...role(ROLE_IDS.nightShift, 'night-shift', false, ['connections-view'], 'on call at night'), updatedby: ADMIN_ID,
    // Friday and Saturday nights in New York (DST applies), each window running past midnight into the next day.
    context: {
      enabled: true, block_role: false, validity: ['FRI', 'SAT'], start_time: '22:00', end_time: '06:00',
      timezone: 'America/New_York', ip_masks: [],
    },
  },
  role(ROLE_IDS.unused, 'unused-role', false, [], 'nobody holds it'),
  role(ROLE_IDS.breakGlass, 'break-glass', false, ['users-manage'], 'emergency access'),
];

function role(id: string, name: string, system: boolean, permissions: string[], comment: string): JsonObject {
  return {
    id, name, comment, tags: [], system, permissions, access_group_id: '77777777-0000-4000-8000-0000000000aa',
    source_rules: { type: 'GROUP', match: 'ANY', rules: [] }, context: null,
    created: '2020-02-02T02:02:02Z', author: ADMIN_ID, updated: '2024-04-04T04:04:04Z', updated_by: ADMIN_ID,
  };
}

/** A role as it appears in a user's roles[]: copies of the role's facts plus the per-user grant. */
function grant(roleId: string, extra: JsonObject = {}): JsonObject {
  const r = BASE_ROLES.find((x) => x.id === roleId);
  if (!r) throw new Error(`no role ${roleId}`);
  return { id: r.id ?? null, name: r.name ?? null, system: r.system ?? false, permissions: r.permissions ?? [], ...extra };
}

const PERMANENT = { explicit: true, grant_type: 'PERMANENT' };

// ---------------------------------------------------------------------------------------------------------------
// Role-store users. `rs()` adds only the bookkeeping fields that no mapping rule reads.

const SOURCE_TYPE: Record<string, string> = {
  [SOURCE_IDS.local]: 'LOCAL', [SOURCE_IDS.ad]: 'AD', [SOURCE_IDS.ldap]: 'LDAP', [SOURCE_IDS.oidc]: 'OIDC',
};

function rs(source: string, fields: JsonObject & { id: string; principal: string }): JsonObject {
  const type = SOURCE_TYPE[source] ?? 'OTHER';
  return {
    source_user_id: type === 'LOCAL' ? fields.id : `${type.toLowerCase()}:${fields.principal}`,
    author: ADMIN_ID, source, source_type: type, permissions: [], mfa: { status: 'DISABLED' }, ...fields,
  };
}

const U = USER_IDS;
const S = SOURCE_IDS;
const R = ROLE_IDS;

export const ROLE_STORE_USERS: JsonObject[] = [
  // The happy path with everything: three roles in a non-sorted order, every attribute kind, x123 extension.
  rs(S.local, {
    id: U.alice, created: '2021-03-04T05:06:07Z', updated: '2024-01-02T03:04:05Z', updated_by: ADMIN_ID,
    comment: 'happy path', tags: ['vpn', 'oncall'], principal: 'alice', first_name: 'Alice', last_name: 'Anderson',
    full_name: 'Alice Anderson', job_title: 'Software Engineer', company: 'Acme', department: 'Engineering',
    email: 'alice@example.com', telephone: '+358 40 123 4567 x123', locale: 'fi_FI', windows_account: 'alice',
    unix_account: 'alice',
    attributes: [
      { key: 'avatar', value: 'https://avatars.example.com/alice.png' },
      { key: 'timezone', value: 'Europe/Helsinki' },
      { key: 'homepage', value: 'https://alice.example.com' },
      { key: 'blog', value: 'http://blog.example.com/alice' },
      { key: 'windows_sid', value: 'S-1-5-21-1004336348-1177238915-682003330-512' },
    ],
    mfa: { status: 'ENABLED', seed: SECRETS.mfaAlice },
    roles: [
      grant(R.developers, { explicit: true, grant_type: 'FLOATING', floating_length: 8 }),
      grant(R.admin, { explicit: false, implicit: true, grant_type: 'PERMANENT' }),
      grant(R.employees, PERMANENT),
    ],
  }),
  // INVITED (password_change_required); no full_name nor display_name -> "first last"; `ext. 42`; no roles;
  // `updatedby` drift.
  rs(S.local, {
    id: U.bob, created: '2021-04-01T10:00:00Z', updated: '2021-04-02T10:00:00Z', updatedby: ADMIN_ID, tags: [],
    principal: 'bob', first_name: 'Bob', last_name: 'Brown', email: 'bob@example.com',
    telephone: '+1 555 0100 ext. 42', locale: 'en_US', company: 'Acme', department: 'Sales', attributes: [],
    roles: [],
  }),
  // Name from the local display_name; `;ext=7`; company and department with a colon; tag with a colon.
  rs(S.local, {
    id: U.carol, created: '2021-05-05T05:05:05Z', updated: '2022-05-05T05:05:05Z', updated_by: ADMIN_ID,
    tags: ['team:blue'], principal: 'carol@example.com', first_name: 'Carol', last_name: 'Clark',
    job_title: 'Lab Lead', company: 'Acme: Research Oy', department: 'R&D:Labs', email: 'carol@example.com',
    telephone: '+46 8 123 456;ext=7', locale: 'sv_SE', attributes: [{ key: 'timezone', value: 'Europe/Stockholm' }],
    roles: [
      grant(R.contractors, {
        explicit: true, grant_type: 'TIME_RESTRICTED', grant_start: '2024-01-01T00:00:00Z',
        grant_end: '2030-12-31T23:59:59Z',
      }),
    ],
  }),
  // Two-word full_name with no first/last -> split; display_name ignored (full_name wins); phone without extension;
  // no locale; TIME_RESTRICTED with +03:00 offsets; explicit absent -> false.
  rs(S.local, {
    id: U.dave, created: '2021-06-06T06:06:06Z', updated: '2023-06-06T06:06:06Z', updated_by: ADMIN_ID,
    tags: ['oncall'], principal: 'dave', full_name: 'Dave Davidson', company: 'Acme', department: 'Engineering',
    email: 'dave@example.com', telephone: '+358 9 555 0000',
    attributes: [{ key: 'homepage', value: 'https://dave.example.com/' }],
    roles: [
      grant(R.employees, { grant_type: 'PERMANENT' }),
      grant(R.nightShift, {
        explicit: true, grant_type: 'TIME_RESTRICTED', grant_start: '2025-06-01T18:00:00+03:00',
        grant_end: '2025-06-02T06:00:00+03:00',
      }),
    ],
  }),
  // Three-word full_name -> first/last null; `%` in company and in a tag (escaped as %25 in group ids).
  rs(S.local, {
    id: U.erin, created: '2021-07-07T07:07:07Z', updated: '2021-07-07T07:07:07Z', updated_by: ADMIN_ID,
    tags: ['100%'], principal: 'erin', full_name: 'Erin Mary Evans', company: '100% Cotton Ltd',
    department: 'Knitting', email: 'erin@example.com', locale: 'en_US', attributes: [],
    roles: [grant(R.contractors, { explicit: true, grant_type: 'FLOATING', floating_length: 4 })],
  }),
  // `given_name` drift on a LOCAL user; INVITED; upper-case `X9` extension.
  rs(S.local, {
    id: U.frank, created: '2021-08-08T08:08:08Z', updated: '2021-08-09T08:08:08Z', updated_by: ADMIN_ID, tags: [],
    principal: 'frank', given_name: 'Frank', last_name: 'Fisher', full_name: 'Frank Fisher', company: 'Acme',
    department: 'Sales', email: 'frank@example.com', telephone: '+1 555 0199 X9', locale: 'en_US', attributes: [],
    roles: [grant(R.employees, PERMANENT)],
  }),
  // One-word full_name -> first/last null; mixed-case email; blank telephone/company/department/locale; http avatar
  // (never a url); ftp and "see https://…" values are not URLs; grant_type absent -> null.
  rs(S.local, {
    id: U.grace, created: '2021-09-09T09:09:09Z', updated: '2021-09-09T09:09:09Z', updated_by: ADMIN_ID, tags: [],
    principal: 'grace', full_name: 'Grace', email: 'Grace.Hopper@Example.com', telephone: '', company: '',
    department: '  ', locale: '',
    attributes: [
      { key: 'avatar', value: 'http://avatars.example.com/grace.png' },
      { key: 'docs', value: 'ftp://files.example.com/grace' },
      { key: 'note', value: 'see https://wiki.example.com/grace' },
    ],
    roles: [grant(R.developers, { explicit: true })],
  }),
  // LOCAL user whose local-user-store record is missing (404): name from first/last, status ACTIVE/active.
  rs(S.local, {
    id: U.heidi, created: '2021-10-10T10:10:10Z', updated: '2021-10-10T10:10:10Z', updated_by: ADMIN_ID,
    comment: 'local-user-store record missing', tags: [], principal: 'heidi', first_name: 'Heidi',
    last_name: 'Hall', company: 'Acme', department: 'Engineering', email: 'heidi@example.com', locale: 'fi_FI',
    attributes: [], roles: [grant(R.breakGlass, { explicit: true, grant_type: 'FLOATING', floating_length: 1 })],
  }),
  // Blank names everywhere (and blank local display_name) -> name null; blank tag skipped; no email/phone.
  rs(S.local, {
    id: U.ivan, created: '2021-11-11T11:11:11Z', updated: '2021-11-11T11:11:11Z', updated_by: ADMIN_ID,
    tags: ['', 'vpn'], principal: 'ivan', first_name: ' ', full_name: '', company: 'Acme', attributes: [],
    roles: [grant(R.admin, PERMANENT)],
  }),

  // --- AD (enabled, OK) ---
  // The remoteData user: RefreshTimestamp, unknown key, `updatedby`, and secrets at several depths.
  // `, ext. 12` (the comma goes); TIME_RESTRICTED through grant_validity_periods only.
  rs(S.ad, {
    id: U.judy, source_user_id: 'a7d0c2e4-1b3f-4e5a-9c8d-0f1e2d3c4b5a', created: '2022-01-01T12:00:00Z',
    updated: '2025-01-15T08:30:00Z', updatedby: ADMIN_ID, RefreshTimestamp: '2025-01-20T00:00:00Z',
    comment: '', tags: ['sales-emea'], principal: 'judy@corp.example.com',
    distinguished_name: 'CN=Judy Jones,OU=Sales,DC=corp,DC=example,DC=com', samaccountname: 'judy',
    first_name: 'Judy', last_name: 'Jones', full_name: 'Judy Jones', job_title: 'Account Manager', company: 'Globex',
    department: 'Sales', email: 'judy@globex.example.com', telephone: '+44 20 7946 0000, ext. 12', locale: 'en_US',
    external_id: 'ad-judy',
    attributes: [
      { key: 'timezone', value: 'Europe/London' },
      { key: 'crm_profile', value: 'https://crm.example.com/u/judy' },
    ],
    mfa: { status: 'ENABLED', seed: SECRETS.mfaJudy },
    x_new_field: { a: 1 },
    api_secret: SECRETS.apiSecretJudy,
    current_session_id: SECRETS.sessionJudy,
    webauthn_credentials: [{ credential_id: SECRETS.webauthnIdJudy, public_key: SECRETS.webauthnKeyJudy }],
    x_integration: {
      client_secret: SECRETS.integrationSecretJudy,
      nested: { access_token: SECRETS.integrationTokenJudy, region: 'eu' },
      endpoint: 'https://jira.example.com',
    },
    roles: [
      grant(R.employees, { explicit: false, implicit: true, grant_type: 'PERMANENT' }),
      grant(R.auditors, {
        explicit: true, grant_type: 'TIME_RESTRICTED',
        grant_validity_periods: [
          { grant_start: '2025-01-01T00:00:00Z', grant_end: '2025-03-31T23:59:59Z' },
          { grant_start: '2025-07-01T00:00:00Z', grant_end: '2025-09-30T23:59:59Z' },
        ],
      }),
    ],
  }),
  // given_name + last_name, no full_name; keyword "Sales" matches title/department "Presales"/tag "sales" but he
  // is in no Sales department group; `EXT. 5`; unknown grant_type -> null.
  rs(S.ad, {
    id: U.ken, created: '2022-02-01T12:00:00Z', updated: '2022-02-01T12:00:00Z', updated_by: ADMIN_ID,
    tags: ['sales'], principal: 'ken@corp.example.com', given_name: 'Ken', last_name: 'Kato',
    job_title: 'Sales Engineer', company: 'Globex', department: 'Presales', email: 'ken@globex.example.com',
    telephone: '+46 70 111 2222 EXT. 5', locale: 'sv_SE', attributes: [],
    roles: [grant(R.employees, PERMANENT), grant(R.contractors, { explicit: true, grant_type: 'SCHEDULED' })],
  }),
  // Company "Globex Holdings" (keyword Globex matches, organization Globex must not); tag vpn-admin (not vpn).
  rs(S.ad, {
    id: U.liam, created: '2022-03-01T12:00:00Z', updated: '2022-03-02T12:00:00Z', updated_by: ADMIN_ID,
    RefreshTimestamp: '2025-01-20T00:00:00Z', tags: ['vpn-admin'], principal: 'liam@corp.example.com',
    first_name: 'Liam', last_name: 'Lee', full_name: 'Liam Lee', company: 'Globex Holdings', department: 'Sales',
    email: 'liam@holdings.example.com', telephone: '+1 555 0142', locale: 'en_US', attributes: [],
    roles: [grant(R.employees)],
  }),
  // Matches keyword "Globex" only through a tag and an attribute value (beyond the documented field set);
  // `;EXT=300`; lower-case 'permanent' is not an enum value -> null; unknown array key.
  rs(S.ad, {
    id: U.mia, created: '2022-04-01T12:00:00Z', updated: '2022-04-01T12:00:00Z', updated_by: ADMIN_ID,
    tags: ['globex-alumni'], principal: 'mia@corp.example.com', first_name: 'Mia', last_name: 'Moore',
    full_name: 'Mia Moore', company: 'Initech', department: 'Engineering', email: 'mia@initech.example.com',
    telephone: '+1 (555) 010-9999;EXT=300', locale: 'fi_FI',
    attributes: [
      { key: 'previous_employer', value: 'Globex' },
      { key: 'portfolio', value: 'https://mia.example.com' },
    ],
    x_extra: [1, 2, 3],
    roles: [grant(R.employees, PERMANENT), grant(R.developers, { explicit: true, grant_type: 'permanent' })],
  }),
  // Company "ACME" / department "engineering": exact, case-sensitive -> not the Acme organization or group.
  rs(S.ad, {
    id: U.noah, created: '2022-05-01T12:00:00Z', updated: '2022-05-01T12:00:00Z', updated_by: ADMIN_ID, tags: [],
    principal: 'noah@corp.example.com', first_name: 'Noah', last_name: 'Nash', full_name: 'Noah Nash',
    company: 'ACME', department: 'engineering', email: 'noah@acme.example.com', locale: 'en_US', attributes: [],
    roles: [grant(R.developers, PERMANENT)],
  }),
  // first_name only (no last_name) with a full_name: firstName kept, lastName null (no split: not both missing).
  rs(S.ad, {
    id: U.olivia, created: '2022-06-01T12:00:00Z', updated: '2022-06-01T12:00:00Z', updated_by: ADMIN_ID, tags: [],
    principal: 'olivia@corp.example.com', first_name: 'Olivia', full_name: 'Olivia Newton', company: 'Globex',
    department: 'Legal', email: 'olivia@globex.example.com', attributes: [],
    roles: [grant(R.auditors, PERMANENT)],
  }),
  // RFC 3339 with an offset and with microseconds; grant_type '' -> null, explicit absent -> false.
  rs(S.ad, {
    id: U.peter, created: '2022-02-02T12:00:00+02:00', updated: '2023-08-09T10:11:12.345678Z',
    updated_by: ADMIN_ID, tags: [], principal: 'peter@corp.example.com', first_name: 'Peter',
    last_name: 'Parker', full_name: 'Peter Parker', job_title: 'Auditor', company: 'Initech',
    email: 'peter@initech.example.com', attributes: [], roles: [grant(R.auditors, { grant_type: '' })],
  }),
  // Department without a company -> group:DEPARTMENT::Support with organization null; no `updated`; no roles.
  rs(S.ad, {
    id: U.quinn, created: '2022-08-01T12:00:00Z', tags: [], principal: 'quinn@corp.example.com',
    first_name: 'Quinn', last_name: 'Quade', full_name: 'Quinn Quade', department: 'Support',
    email: 'quinn@corp.example.com', attributes: [], roles: [],
  }),
  // Plain Globex/Sales member; avatar after other attributes; http URL; TIME_RESTRICTED without grant_end.
  rs(S.ad, {
    id: U.rita, created: '2022-09-01T12:00:00Z', updated: '2022-09-01T12:00:00Z', updated_by: ADMIN_ID, tags: [],
    principal: 'rita@corp.example.com', first_name: 'Rita', last_name: 'Ray', full_name: 'Rita Ray',
    company: 'Globex', department: 'Sales', email: 'rita@globex.example.com', telephone: '+358 50 999 8888',
    locale: 'fi_FI',
    attributes: [
      { key: 'timezone', value: 'Europe/Helsinki' },
      { key: 'avatar', value: 'https://avatars.example.com/rita.png' },
      { key: 'homepage', value: 'http://rita.example.com' },
    ],
    roles: [
      grant(R.employees, PERMANENT),
      grant(R.nightShift, { explicit: true, grant_type: 'TIME_RESTRICTED', grant_start: '2025-05-01T20:00:00Z' }),
    ],
  }),

  // --- LDAP (enabled: false): all INACTIVE/source_disabled ---
  rs(S.ldap, {
    id: U.sam, created: '2019-07-01T00:00:00Z', updated: '2023-01-01T00:00:00Z', updated_by: ADMIN_ID,
    tags: ['vpn'], principal: 'sam', distinguished_name: 'uid=sam,ou=people,dc=example,dc=com', first_name: 'Sam',
    last_name: 'Smith', full_name: 'Sam Smith', company: 'Initech', department: 'Engineering',
    email: 'sam@initech.example.com', attributes: [],
    roles: [grant(R.employees, { explicit: false, grant_type: 'PERMANENT' })],
  }),
  // Two-word full_name split on a non-local user.
  rs(S.ldap, {
    id: U.tina, created: '2019-07-02T00:00:00Z', updated: '2023-01-01T00:00:00Z', updated_by: ADMIN_ID, tags: [],
    principal: 'tina', full_name: 'Tina Turner', company: 'Initech', department: 'Sales',
    email: 'tina@initech.example.com', attributes: [], roles: [grant(R.developers, PERMANENT)],
  }),
  rs(S.ldap, {
    id: U.uma, created: '2019-07-03T00:00:00Z', updated: '2023-01-01T00:00:00Z', updatedby: ADMIN_ID,
    RefreshTimestamp: '2023-01-01T00:00:00Z', tags: [], principal: 'uma', first_name: 'Uma', last_name: 'Underwood',
    full_name: 'Uma Underwood', company: 'Initech', locale: 'fi_FI', attributes: [],
    roles: [grant(R.employees, PERMANENT)],
  }),
  // Go-style nulls for empty slices/strings: tags null, attributes null, company null; no roles.
  rs(S.ldap, {
    id: U.victor, created: '2019-07-04T00:00:00Z', updated: '2019-07-04T00:00:00Z', updated_by: ADMIN_ID,
    tags: null, principal: 'victor', first_name: 'Victor', last_name: 'Vance', company: null, attributes: null,
    roles: [],
  }),

  // --- OIDC (status_code DEGRADED): all ACTIVE/DEGRADED ---
  rs(S.oidc, {
    id: U.wendy, created: '2023-01-01T00:00:00Z', updated: '2023-01-02T00:00:00Z', updated_by: ADMIN_ID, tags: [],
    principal: 'wendy@partner.example.com', given_name: 'Wendy', last_name: 'Wu', full_name: 'Wendy Wu',
    company: 'Umbrella', department: 'Security', email: 'wendy@partner.example.com', telephone: '+1 555 0177 x77',
    locale: 'en_US', attributes: [], RefreshTimestamp: 1767225600,
    // A grant that has not started yet (one validity period, in 2031).
    roles: [
      grant(R.employees, PERMANENT),
      grant(R.breakGlass, { explicit: true, grant_type: 'TIME_RESTRICTED', grant_validity_periods: [{ grant_start: '2031-01-01T00:00:00Z', grant_end: '2031-02-01T00:00:00Z' }] }),
    ],
  }),
  // A refresh_token nested in an unknown object; grant_start/grant_end win over grant_validity_periods.
  rs(S.oidc, {
    id: U.xavier, created: '2023-02-01T00:00:00Z', updated: '2023-02-01T00:00:00Z', updated_by: ADMIN_ID, tags: [],
    principal: 'xavier@partner.example.com', first_name: 'Xavier', last_name: 'Xu', full_name: 'Xavier Xu',
    company: 'Umbrella', email: 'xavier@partner.example.com', attributes: [],
    mfa: { status: 'ENABLED', seed: SECRETS.mfaXavier },
    x_oauth: { provider: 'okta', refresh_token: SECRETS.refreshXavier },
    roles: [
      grant(R.nightShift, {
        explicit: true, grant_type: 'TIME_RESTRICTED', grant_start: '2025-02-01T00:00:00Z',
        grant_end: '2025-02-28T00:00:00Z',
        grant_validity_periods: [{ grant_start: '2026-01-01T00:00:00Z', grant_end: '2026-01-31T00:00:00Z' }],
      }),
    ],
  }),
  // A token-named key inside an array element.
  rs(S.oidc, {
    id: U.yara, created: '2023-03-01T00:00:00Z', updated: '2023-03-01T00:00:00Z', updated_by: ADMIN_ID, tags: [],
    principal: 'yara@partner.example.com', first_name: 'Yara', last_name: 'Young', full_name: 'Yara Young',
    company: 'Umbrella', department: 'Security', email: 'yara@partner.example.com', mfa: { status: 'UNINITIALIZED' },
    attributes: [{ key: 'profile', value: 'https://idp.partner.example.com/yara' }],
    x_integrations: [
      { name: 'jira', api_token: SECRETS.apiTokenYara },
      { name: 'slack', webhook: 'https://hooks.example.com/yara' },
    ],
    roles: [
      grant(R.contractors, PERMANENT),
      grant(R.developers, { explicit: true, grant_type: 'FLOATING', floating_length: 2 }),
    ],
  }),
  rs(S.oidc, {
    id: U.zoe, created: '2023-04-01T00:00:00Z', updated: '2023-04-01T00:00:00Z', updated_by: ADMIN_ID,
    tags: ['vpn'], principal: 'zoe@partner.example.com', first_name: 'Zoe', last_name: 'Zimmer',
    full_name: 'Zoe Zimmer', company: 'Umbrella', department: 'Security', email: 'zoe@partner.example.com',
    attributes: [],
    // Several unordered periods: ended, current (until 2098) and one to come.
    roles: [
      grant(R.employees, PERMANENT),
      grant(R.auditors, {
        explicit: true, grant_type: 'TIME_RESTRICTED',
        grant_validity_periods: [
          { grant_start: '2099-01-01T00:00:00Z', grant_end: '2099-02-01T00:00:00Z' },
          { grant_start: '2025-01-01T00:00:00Z', grant_end: '2025-02-01T00:00:00Z' },
          { grant_start: '2026-11-01T00:00:00Z', grant_end: '2098-01-01T00:00:00Z' },
        ],
      }),
    ],
  }),
];

export const ROLES: JsonObject[] = BASE_ROLES.map((r) => {
  const holders = ROLE_STORE_USERS.flatMap((u) => (Array.isArray(u.roles) ? u.roles : [])).filter(
    (a): a is JsonObject => typeof a === 'object' && a !== null && !Array.isArray(a) && a.id === r.id,
  );
  return { ...r, member_count: holders.length, explicit_count: holders.filter((a) => a.explicit === true).length };
});

// ---------------------------------------------------------------------------------------------------------------
// Local-user-store records of the LOCAL users (heidi has none). id = source_user_id = role-store id. The shared
// fields are copied from the role-store record so the two never disagree; only the local-only facts differ.

const SHARED_LOCAL_FIELDS = [
  'created', 'updated', 'author', 'comment', 'tags', 'windows_account', 'unix_account', 'full_name', 'last_name',
  'job_title', 'company', 'department', 'email', 'telephone', 'locale', 'attributes',
];

function local(id: string, extra: JsonObject): JsonObject {
  const r = ROLE_STORE_USERS.find((u) => u.id === id);
  if (!r) throw new Error(`no role-store user ${id}`);
  const out: JsonObject = { id, updated_by: ADMIN_ID, username: r.principal ?? null };
  const first = r.first_name ?? r.given_name;
  if (first !== undefined) out.first_name = first;
  for (const key of SHARED_LOCAL_FIELDS) {
    const v = r[key];
    if (v !== undefined) out[key] = v;
  }
  return { ...out, ...extra };
}

const pw = (password: string): JsonObject => ({ password, created: '2021-01-01T00:00:00Z' });

export const LOCAL_USERS: JsonObject[] = [
  local(U.alice, { display_name: 'Alice A.', password: pw(SECRETS.pwAlice), password_change_required: false }),
  local(U.bob, { password: pw(SECRETS.pwBob), password_change_required: true }),
  local(U.carol, {
    display_name: 'Carol the Admin', password: pw(SECRETS.pwCarol), password_change_required: false,
  }),
  local(U.dave, { display_name: 'DD', password: pw(SECRETS.pwDave), password_change_required: false }),
  local(U.erin, { password: pw(SECRETS.pwErin), password_change_required: false }),
  local(U.frank, { display_name: 'Frankie', password: pw(SECRETS.pwFrank), password_change_required: true }),
  // password_change_required absent -> false.
  local(U.grace, { display_name: 'Amazing Grace', password: pw(SECRETS.pwGrace) }),
  local(U.ivan, { display_name: '', password: pw(SECRETS.pwIvan), password_change_required: false }),
];

/** The API client's own user, answered by GET /users/current. */
export const CURRENT_USER: JsonObject = {
  id: '77777777-0000-4000-8000-000000000001', principal: 'contract-api-client', source_type: 'API-CLIENT',
  roles: [grant(R.admin, PERMANENT)], tags: [], attributes: [],
};
