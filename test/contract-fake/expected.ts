/**
 * The unified GraphQL `User` of every fake user, written BY HAND from docs/mapping.md and the id encodings it
 * specifies (docs/mapping.md#ids), never computed by project code, for this selection:
 *
 *   id firstName lastName title name username emails { email type isPrimary } phones { number extension type }
 *   status rawStatus organizations { id name } groups { id name type organization }
 *   workspace { id name type enabled organization } avatar timezone languages createdAt updatedAt
 *   urls { url type } roles { id name } roleAssignments { role { id } explicit grantType grantStart grantEnd }
 *
 * Only the base64url step is a helper; the strings it encodes (with `%3A`/`%25` escapes) are written out.
 */
import { ROLE_IDS as R, SOURCE_IDS as S, USER_IDS as U } from './data';

const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64url');

interface Org { id: string; name: string }
interface Group { id: string; name: string; type: 'DEPARTMENT' | 'TAG'; organization: string | null }
interface Assignment {
  role: { id: string };
  explicit: boolean;
  grantType: 'PERMANENT' | 'FLOATING' | 'TIME_RESTRICTED' | null;
  grantStart: string | null;
  grantEnd: string | null;
}
export interface ExpectedUser {
  id: string;
  firstName: string | null;
  lastName: string | null;
  title: string | null;
  name: string | null;
  username: string | null;
  emails: { email: string; type: string; isPrimary: boolean }[];
  phones: { number: string; extension: string | null; type: string }[];
  status: 'ACTIVE' | 'INACTIVE' | 'DELETED' | 'INVITED';
  rawStatus: string;
  organizations: Org[];
  groups: Group[];
  workspace: { id: string; name: string; type: string; enabled: boolean; organization: null };
  avatar: string | null;
  timezone: string | null;
  languages: string[];
  createdAt: string | null;
  updatedAt: string | null;
  urls: { url: string; type: string }[];
  roles: { id: string; name: string }[];
  roleAssignments: Assignment[];
}

// --- shared pieces ---------------------------------------------------------------------------------------------

const WS_LOCAL = { id: S.local, name: 'Local users', type: 'LOCAL', enabled: true, organization: null } as const;
const WS_AD = { id: S.ad, name: 'Corporate AD', type: 'AD', enabled: true, organization: null } as const;
const WS_LDAP = { id: S.ldap, name: 'Legacy LDAP', type: 'LDAP', enabled: false, organization: null } as const;
const WS_OIDC = { id: S.oidc, name: 'Partner OIDC', type: 'OIDC', enabled: true, organization: null } as const;

const ACME: Org = { id: b64('org:Acme'), name: 'Acme' };
const ACME_UPPER: Org = { id: b64('org:ACME'), name: 'ACME' };
const ACME_RESEARCH: Org = { id: b64('org:Acme: Research Oy'), name: 'Acme: Research Oy' }; // org ids: no escaping
const COTTON: Org = { id: b64('org:100% Cotton Ltd'), name: '100% Cotton Ltd' };
const GLOBEX: Org = { id: b64('org:Globex'), name: 'Globex' };
const GLOBEX_HOLDINGS: Org = { id: b64('org:Globex Holdings'), name: 'Globex Holdings' };
const INITECH: Org = { id: b64('org:Initech'), name: 'Initech' };
const UMBRELLA: Org = { id: b64('org:Umbrella'), name: 'Umbrella' };

const dept = (raw: string, name: string, org: Org | null): Group =>
  ({ id: b64(raw), name, type: 'DEPARTMENT', organization: org ? org.id : null });
const tag = (raw: string, name: string): Group => ({ id: b64(raw), name, type: 'TAG', organization: null });

const ACME_ENGINEERING = dept('group:DEPARTMENT:Acme:Engineering', 'Engineering', ACME);
const ACME_SALES = dept('group:DEPARTMENT:Acme:Sales', 'Sales', ACME);
const GLOBEX_SALES = dept('group:DEPARTMENT:Globex:Sales', 'Sales', GLOBEX);
const INITECH_ENGINEERING = dept('group:DEPARTMENT:Initech:Engineering', 'Engineering', INITECH);
const UMBRELLA_SECURITY = dept('group:DEPARTMENT:Umbrella:Security', 'Security', UMBRELLA);
const TAG_VPN = tag('group:TAG::vpn', 'vpn');
const TAG_ONCALL = tag('group:TAG::oncall', 'oncall');

const ROLE = {
  admin: { id: R.admin, name: 'privx-admin' },
  employees: { id: R.employees, name: 'employees' },
  developers: { id: R.developers, name: 'developers' },
  auditors: { id: R.auditors, name: 'auditors' },
  contractors: { id: R.contractors, name: 'contractors' },
  nightShift: { id: R.nightShift, name: 'night-shift' },
  breakGlass: { id: R.breakGlass, name: 'break-glass' },
};

const ra = (roleId: string, explicit: boolean, grantType: Assignment['grantType'], grantStart: string | null = null,
  grantEnd: string | null = null): Assignment => ({ role: { id: roleId }, explicit, grantType, grantStart, grantEnd });
const work = (email: string) => [{ email, type: 'work', isPrimary: true }];
const phone = (number: string, extension: string | null) => [{ number, extension, type: 'work' }];
const ACTIVE = { status: 'ACTIVE', rawStatus: 'active' } as const;
const INVITED = { status: 'INVITED', rawStatus: 'password_change_required' } as const;
const DISABLED = { status: 'INACTIVE', rawStatus: 'source_disabled' } as const;
const DEGRADED = { status: 'ACTIVE', rawStatus: 'DEGRADED' } as const;
const NO_EXTRAS = { avatar: null, timezone: null, urls: [] };

// --- users -----------------------------------------------------------------------------------------------------

const users: ExpectedUser[] = [
  {
    id: U.alice, firstName: 'Alice', lastName: 'Anderson', title: 'Software Engineer', name: 'Alice Anderson',
    username: 'alice', emails: work('alice@example.com'), phones: phone('+358 40 123 4567', '123'), ...ACTIVE,
    organizations: [ACME], groups: [ACME_ENGINEERING, TAG_VPN, TAG_ONCALL], workspace: WS_LOCAL,
    avatar: 'https://avatars.example.com/alice.png', timezone: 'Europe/Helsinki', languages: ['fi-FI'],
    createdAt: '2021-03-04T05:06:07.000Z', updatedAt: '2024-01-02T03:04:05.000Z',
    urls: [{ url: 'https://alice.example.com', type: 'homepage' }, { url: 'http://blog.example.com/alice', type: 'blog' }],
    roles: [ROLE.developers, ROLE.admin, ROLE.employees],
    roleAssignments: [ra(R.developers, true, 'FLOATING'), ra(R.admin, false, 'PERMANENT'), ra(R.employees, true, 'PERMANENT')],
  },
  {
    id: U.bob, firstName: 'Bob', lastName: 'Brown', title: null, name: 'Bob Brown', username: 'bob',
    emails: work('bob@example.com'), phones: phone('+1 555 0100', '42'), ...INVITED, organizations: [ACME],
    groups: [ACME_SALES], workspace: WS_LOCAL, ...NO_EXTRAS, languages: ['en-US'],
    createdAt: '2021-04-01T10:00:00.000Z', updatedAt: '2021-04-02T10:00:00.000Z', roles: [], roleAssignments: [],
  },
  {
    id: U.carol, firstName: 'Carol', lastName: 'Clark', title: 'Lab Lead', name: 'Carol the Admin',
    username: 'carol@example.com', emails: work('carol@example.com'), phones: phone('+46 8 123 456', '7'), ...ACTIVE,
    organizations: [ACME_RESEARCH],
    groups: [
      dept('group:DEPARTMENT:Acme%3A Research Oy:R&D%3ALabs', 'R&D:Labs', ACME_RESEARCH),
      tag('group:TAG::team%3Ablue', 'team:blue'),
    ],
    workspace: WS_LOCAL, avatar: null, timezone: 'Europe/Stockholm', urls: [], languages: ['sv-SE'],
    createdAt: '2021-05-05T05:05:05.000Z', updatedAt: '2022-05-05T05:05:05.000Z', roles: [ROLE.contractors],
    roleAssignments: [ra(R.contractors, true, 'TIME_RESTRICTED', '2024-01-01T00:00:00.000Z', '2030-12-31T23:59:59.000Z')],
  },
  {
    id: U.dave, firstName: 'Dave', lastName: 'Davidson', title: null, name: 'Dave Davidson', username: 'dave',
    emails: work('dave@example.com'), phones: phone('+358 9 555 0000', null), ...ACTIVE, organizations: [ACME],
    groups: [ACME_ENGINEERING, TAG_ONCALL], workspace: WS_LOCAL, avatar: null, timezone: null,
    urls: [{ url: 'https://dave.example.com/', type: 'homepage' }], languages: [],
    createdAt: '2021-06-06T06:06:06.000Z', updatedAt: '2023-06-06T06:06:06.000Z', roles: [ROLE.employees], // night-shift ended in 2025: not a role he has
    roleAssignments: [
      ra(R.employees, false, 'PERMANENT'),
    ],
  },
  {
    id: U.erin, firstName: null, lastName: null, title: null, name: 'Erin Mary Evans', username: 'erin',
    emails: work('erin@example.com'), phones: [], ...ACTIVE, organizations: [COTTON],
    groups: [dept('group:DEPARTMENT:100%25 Cotton Ltd:Knitting', 'Knitting', COTTON), tag('group:TAG::100%25', '100%')],
    workspace: WS_LOCAL, ...NO_EXTRAS, languages: ['en-US'], createdAt: '2021-07-07T07:07:07.000Z',
    updatedAt: '2021-07-07T07:07:07.000Z', roles: [ROLE.contractors], roleAssignments: [ra(R.contractors, true, 'FLOATING')],
  },
  {
    id: U.frank, firstName: 'Frank', lastName: 'Fisher', title: null, name: 'Frank Fisher', username: 'frank',
    emails: work('frank@example.com'), phones: phone('+1 555 0199', '9'), ...INVITED, organizations: [ACME],
    groups: [ACME_SALES], workspace: WS_LOCAL, ...NO_EXTRAS, languages: ['en-US'],
    createdAt: '2021-08-08T08:08:08.000Z', updatedAt: '2021-08-09T08:08:08.000Z', roles: [ROLE.employees],
    roleAssignments: [ra(R.employees, true, 'PERMANENT')],
  },
  {
    id: U.grace, firstName: null, lastName: null, title: null, name: 'Grace', username: 'grace',
    emails: work('Grace.Hopper@Example.com'), phones: [], ...ACTIVE, organizations: [], groups: [],
    workspace: WS_LOCAL, avatar: 'http://avatars.example.com/grace.png', timezone: null, urls: [], languages: [],
    createdAt: '2021-09-09T09:09:09.000Z', updatedAt: '2021-09-09T09:09:09.000Z', roles: [ROLE.developers],
    roleAssignments: [ra(R.developers, true, null)],
  },
  {
    id: U.heidi, firstName: 'Heidi', lastName: 'Hall', title: null, name: 'Heidi Hall', username: 'heidi',
    emails: work('heidi@example.com'), phones: [], ...ACTIVE, organizations: [ACME], groups: [ACME_ENGINEERING],
    workspace: WS_LOCAL, ...NO_EXTRAS, languages: ['fi-FI'], createdAt: '2021-10-10T10:10:10.000Z',
    updatedAt: '2021-10-10T10:10:10.000Z', roles: [ROLE.breakGlass], roleAssignments: [ra(R.breakGlass, true, 'FLOATING')],
  },
  {
    id: U.ivan, firstName: null, lastName: null, title: null, name: null, username: 'ivan', emails: [], phones: [],
    ...ACTIVE, organizations: [ACME], groups: [TAG_VPN], workspace: WS_LOCAL, ...NO_EXTRAS, languages: [],
    createdAt: '2021-11-11T11:11:11.000Z', updatedAt: '2021-11-11T11:11:11.000Z', roles: [ROLE.admin],
    roleAssignments: [ra(R.admin, true, 'PERMANENT')],
  },
  // --- AD ---
  {
    id: U.judy, firstName: 'Judy', lastName: 'Jones', title: 'Account Manager', name: 'Judy Jones',
    username: 'judy@corp.example.com', emails: work('judy@globex.example.com'), phones: phone('+44 20 7946 0000', '12'),
    ...ACTIVE, organizations: [GLOBEX], groups: [GLOBEX_SALES, tag('group:TAG::sales-emea', 'sales-emea')],
    workspace: WS_AD, avatar: null, timezone: 'Europe/London',
    urls: [{ url: 'https://crm.example.com/u/judy', type: 'crm_profile' }], languages: ['en-US'],
    createdAt: '2022-01-01T12:00:00.000Z', updatedAt: '2025-01-15T08:30:00.000Z', roles: [ROLE.employees], // auditors ended in 2025
    roleAssignments: [
      ra(R.employees, false, 'PERMANENT'),
    ],
  },
  {
    id: U.ken, firstName: 'Ken', lastName: 'Kato', title: 'Sales Engineer', name: 'Ken Kato',
    username: 'ken@corp.example.com', emails: work('ken@globex.example.com'), phones: phone('+46 70 111 2222', '5'),
    ...ACTIVE, organizations: [GLOBEX],
    groups: [dept('group:DEPARTMENT:Globex:Presales', 'Presales', GLOBEX), tag('group:TAG::sales', 'sales')],
    workspace: WS_AD, ...NO_EXTRAS, languages: ['sv-SE'], createdAt: '2022-02-01T12:00:00.000Z',
    updatedAt: '2022-02-01T12:00:00.000Z', roles: [ROLE.employees, ROLE.contractors],
    roleAssignments: [ra(R.employees, true, 'PERMANENT'), ra(R.contractors, true, null)],
  },
  {
    id: U.liam, firstName: 'Liam', lastName: 'Lee', title: null, name: 'Liam Lee', username: 'liam@corp.example.com',
    emails: work('liam@holdings.example.com'), phones: phone('+1 555 0142', null), ...ACTIVE,
    organizations: [GLOBEX_HOLDINGS],
    groups: [dept('group:DEPARTMENT:Globex Holdings:Sales', 'Sales', GLOBEX_HOLDINGS), tag('group:TAG::vpn-admin', 'vpn-admin')],
    workspace: WS_AD, ...NO_EXTRAS, languages: ['en-US'], createdAt: '2022-03-01T12:00:00.000Z',
    updatedAt: '2022-03-02T12:00:00.000Z', roles: [ROLE.employees], roleAssignments: [ra(R.employees, false, null)],
  },
  {
    id: U.mia, firstName: 'Mia', lastName: 'Moore', title: null, name: 'Mia Moore', username: 'mia@corp.example.com',
    emails: work('mia@initech.example.com'), phones: phone('+1 (555) 010-9999', '300'), ...ACTIVE,
    organizations: [INITECH], groups: [INITECH_ENGINEERING, tag('group:TAG::globex-alumni', 'globex-alumni')],
    workspace: WS_AD, avatar: null, timezone: null, urls: [{ url: 'https://mia.example.com', type: 'portfolio' }],
    languages: ['fi-FI'], createdAt: '2022-04-01T12:00:00.000Z', updatedAt: '2022-04-01T12:00:00.000Z',
    roles: [ROLE.employees, ROLE.developers],
    roleAssignments: [ra(R.employees, true, 'PERMANENT'), ra(R.developers, true, null)],
  },
  {
    id: U.noah, firstName: 'Noah', lastName: 'Nash', title: null, name: 'Noah Nash', username: 'noah@corp.example.com',
    emails: work('noah@acme.example.com'), phones: [], ...ACTIVE, organizations: [ACME_UPPER],
    groups: [dept('group:DEPARTMENT:ACME:engineering', 'engineering', ACME_UPPER)], workspace: WS_AD, ...NO_EXTRAS,
    languages: ['en-US'], createdAt: '2022-05-01T12:00:00.000Z', updatedAt: '2022-05-01T12:00:00.000Z',
    roles: [ROLE.developers], roleAssignments: [ra(R.developers, true, 'PERMANENT')],
  },
  {
    id: U.olivia, firstName: 'Olivia', lastName: null, title: null, name: 'Olivia Newton',
    username: 'olivia@corp.example.com', emails: work('olivia@globex.example.com'), phones: [], ...ACTIVE,
    organizations: [GLOBEX], groups: [dept('group:DEPARTMENT:Globex:Legal', 'Legal', GLOBEX)], workspace: WS_AD,
    ...NO_EXTRAS, languages: [], createdAt: '2022-06-01T12:00:00.000Z', updatedAt: '2022-06-01T12:00:00.000Z',
    roles: [ROLE.auditors], roleAssignments: [ra(R.auditors, true, 'PERMANENT')],
  },
  {
    id: U.peter, firstName: 'Peter', lastName: 'Parker', title: 'Auditor', name: 'Peter Parker',
    username: 'peter@corp.example.com', emails: work('peter@initech.example.com'), phones: [], ...ACTIVE,
    organizations: [INITECH], groups: [], workspace: WS_AD, ...NO_EXTRAS, languages: [],
    createdAt: '2022-02-02T10:00:00.000Z', updatedAt: '2023-08-09T10:11:12.345Z', roles: [ROLE.auditors],
    roleAssignments: [ra(R.auditors, false, null)],
  },
  {
    id: U.quinn, firstName: 'Quinn', lastName: 'Quade', title: null, name: 'Quinn Quade',
    username: 'quinn@corp.example.com', emails: work('quinn@corp.example.com'), phones: [], ...ACTIVE,
    organizations: [], groups: [dept('group:DEPARTMENT::Support', 'Support', null)], workspace: WS_AD, ...NO_EXTRAS,
    languages: [], createdAt: '2022-08-01T12:00:00.000Z', updatedAt: null, roles: [], roleAssignments: [],
  },
  {
    id: U.rita, firstName: 'Rita', lastName: 'Ray', title: null, name: 'Rita Ray', username: 'rita@corp.example.com',
    emails: work('rita@globex.example.com'), phones: phone('+358 50 999 8888', null), ...ACTIVE,
    organizations: [GLOBEX], groups: [GLOBEX_SALES], workspace: WS_AD,
    avatar: 'https://avatars.example.com/rita.png', timezone: 'Europe/Helsinki',
    urls: [{ url: 'http://rita.example.com', type: 'homepage' }], languages: ['fi-FI'],
    createdAt: '2022-09-01T12:00:00.000Z', updatedAt: '2022-09-01T12:00:00.000Z', roles: [ROLE.employees, ROLE.nightShift],
    roleAssignments: [
      ra(R.employees, true, 'PERMANENT'),
      ra(R.nightShift, true, 'TIME_RESTRICTED', '2025-05-01T20:00:00.000Z', null),
    ],
  },
  // --- LDAP (disabled) ---
  {
    id: U.sam, firstName: 'Sam', lastName: 'Smith', title: null, name: 'Sam Smith', username: 'sam',
    emails: work('sam@initech.example.com'), phones: [], ...DISABLED, organizations: [INITECH],
    groups: [INITECH_ENGINEERING, TAG_VPN], workspace: WS_LDAP, ...NO_EXTRAS, languages: [],
    createdAt: '2019-07-01T00:00:00.000Z', updatedAt: '2023-01-01T00:00:00.000Z', roles: [ROLE.employees],
    roleAssignments: [ra(R.employees, false, 'PERMANENT')],
  },
  {
    id: U.tina, firstName: 'Tina', lastName: 'Turner', title: null, name: 'Tina Turner', username: 'tina',
    emails: work('tina@initech.example.com'), phones: [], ...DISABLED, organizations: [INITECH],
    groups: [dept('group:DEPARTMENT:Initech:Sales', 'Sales', INITECH)], workspace: WS_LDAP, ...NO_EXTRAS,
    languages: [], createdAt: '2019-07-02T00:00:00.000Z', updatedAt: '2023-01-01T00:00:00.000Z',
    roles: [ROLE.developers], roleAssignments: [ra(R.developers, true, 'PERMANENT')],
  },
  {
    id: U.uma, firstName: 'Uma', lastName: 'Underwood', title: null, name: 'Uma Underwood', username: 'uma',
    emails: [], phones: [], ...DISABLED, organizations: [INITECH], groups: [], workspace: WS_LDAP, ...NO_EXTRAS,
    languages: ['fi-FI'], createdAt: '2019-07-03T00:00:00.000Z', updatedAt: '2023-01-01T00:00:00.000Z',
    roles: [ROLE.employees], roleAssignments: [ra(R.employees, true, 'PERMANENT')],
  },
  {
    id: U.victor, firstName: 'Victor', lastName: 'Vance', title: null, name: 'Victor Vance', username: 'victor',
    emails: [], phones: [], ...DISABLED, organizations: [], groups: [], workspace: WS_LDAP, ...NO_EXTRAS,
    languages: [], createdAt: '2019-07-04T00:00:00.000Z', updatedAt: '2019-07-04T00:00:00.000Z', roles: [],
    roleAssignments: [],
  },
  // --- OIDC (DEGRADED) ---
  {
    id: U.wendy, firstName: 'Wendy', lastName: 'Wu', title: null, name: 'Wendy Wu', username: 'wendy@partner.example.com',
    emails: work('wendy@partner.example.com'), phones: phone('+1 555 0177', '77'), ...DEGRADED,
    organizations: [UMBRELLA], groups: [UMBRELLA_SECURITY], workspace: WS_OIDC, ...NO_EXTRAS, languages: ['en-US'],
    createdAt: '2023-01-01T00:00:00.000Z', updatedAt: '2023-01-02T00:00:00.000Z', roles: [ROLE.employees, ROLE.breakGlass], // break-glass is scheduled, not expired
    roleAssignments: [ra(R.employees, true, 'PERMANENT'), ra(R.breakGlass, true, 'TIME_RESTRICTED', '2031-01-01T00:00:00.000Z', '2031-02-01T00:00:00.000Z')],
  },
  {
    id: U.xavier, firstName: 'Xavier', lastName: 'Xu', title: null, name: 'Xavier Xu',
    username: 'xavier@partner.example.com', emails: work('xavier@partner.example.com'), phones: [], ...DEGRADED,
    organizations: [UMBRELLA], groups: [], workspace: WS_OIDC, ...NO_EXTRAS, languages: [],
    createdAt: '2023-02-01T00:00:00.000Z', updatedAt: '2023-02-01T00:00:00.000Z', roles: [], // night-shift's validity period (which wins) ended in January 2026
    roleAssignments: [],
  },
  {
    id: U.yara, firstName: 'Yara', lastName: 'Young', title: null, name: 'Yara Young', username: 'yara@partner.example.com',
    emails: work('yara@partner.example.com'), phones: [], ...DEGRADED, organizations: [UMBRELLA],
    groups: [UMBRELLA_SECURITY], workspace: WS_OIDC, avatar: null, timezone: null,
    urls: [{ url: 'https://idp.partner.example.com/yara', type: 'profile' }], languages: [],
    createdAt: '2023-03-01T00:00:00.000Z', updatedAt: '2023-03-01T00:00:00.000Z', roles: [ROLE.contractors, ROLE.developers],
    roleAssignments: [ra(R.contractors, true, 'PERMANENT'), ra(R.developers, true, 'FLOATING')],
  },
  {
    id: U.zoe, firstName: 'Zoe', lastName: 'Zimmer', title: null, name: 'Zoe Zimmer', username: 'zoe@partner.example.com',
    emails: work('zoe@partner.example.com'), phones: [], ...DEGRADED, organizations: [UMBRELLA],
    groups: [UMBRELLA_SECURITY, TAG_VPN], workspace: WS_OIDC, ...NO_EXTRAS, languages: [],
    createdAt: '2023-04-01T00:00:00.000Z', updatedAt: '2023-04-01T00:00:00.000Z', roles: [ROLE.employees, ROLE.auditors],
    roleAssignments: [ra(R.employees, true, 'PERMANENT'), ra(R.auditors, true, 'TIME_RESTRICTED', '2099-01-01T00:00:00.000Z', '2099-02-01T00:00:00.000Z')],
  },
];

export const EXPECTED_USERS: Record<string, ExpectedUser> = Object.fromEntries(users.map((u) => [u.id, u]));

// --- remoteData --------------------------------------------------------------------------------------------------

/** The user whose raw record carries drift and secrets at several depths. */
export const REMOTE_DATA_USER_ID = U.judy;

/**
 * Top-level keys `remoteData.roleStoreUser` of judy must have, exactly, apart from `roles` (null or a list
 * depending on which call the record came from, so a test should ignore it). Drift and unknown keys survive.
 */
export const EXPECTED_REMOTE_DATA_KEYS: readonly string[] = [
  'id', 'source_user_id', 'created', 'updated', 'updatedby', 'RefreshTimestamp', 'author', 'comment', 'tags',
  'principal', 'distinguished_name', 'samaccountname', 'first_name', 'last_name', 'full_name', 'job_title',
  'company', 'department', 'email', 'telephone', 'locale', 'external_id', 'source', 'source_type', 'attributes',
  'permissions', 'mfa', 'x_new_field', 'x_integration',
];

/** Top-level keys of judy's raw record that must be gone (the secrets). */
export const REMOVED_REMOTE_DATA_KEYS: readonly string[] = ['api_secret', 'current_session_id', 'webauthn_credentials'];

/** What judy's nested objects look like once stripped. */
export const EXPECTED_REMOTE_DATA_VALUES = {
  mfa: { status: 'ENABLED' },
  x_new_field: { a: 1 },
  x_integration: { nested: { region: 'eu' }, endpoint: 'https://jira.example.com' },
  RefreshTimestamp: '2025-01-20T00:00:00Z',
} as const;

/** A LOCAL user with a local record: `remoteData.localUser` keeps everything but `password`. */
export const REMOTE_DATA_LOCAL_USER_ID = U.alice;
export const EXPECTED_LOCAL_REMOTE_DATA_KEYS: readonly string[] = [
  'id', 'created', 'updated', 'updated_by', 'author', 'comment', 'tags', 'username', 'windows_account',
  'unix_account', 'full_name', 'display_name', 'first_name', 'last_name', 'job_title', 'company', 'department',
  'email', 'telephone', 'locale', 'password_change_required', 'attributes',
];
