import type { DirectoryType, GrantType, RawRole, RawRoleAssignment, RawRoleContext, RawRoleStoreUser } from './demo-types';
import { lifetime, rfc3339 } from './demo-values';
import { type Random, Weights } from './random';

interface RoleSpec {
  name: string;
  comment: string;
  system: boolean;
  permissions: string[];
  tags: string[];
  /** Relative share of users holding the role; 0 leaves it without members. */
  weight: number;
  /** An AD group mapped to the role: AD members usually get it implicitly through the mapping. */
  adGroup?: string;
  context?: Partial<RawRoleContext>;
}

const AD_GROUPS = 'OU=Groups,DC=corp,DC=example,DC=com';

const ROLE_SPECS: readonly RoleSpec[] = [
  { name: 'privx-admin', comment: 'Full administrative access to PrivX', system: true, permissions: ['privx-admin'], tags: ['tier0'], weight: 0.4 },
  { name: 'role-manager', comment: 'Manages roles and their rules', system: true, permissions: ['roles-view', 'roles-manage'], tags: [], weight: 0.4 },
  { name: 'users-view', comment: 'Read access to users of every directory', system: true, permissions: ['users-view'], tags: [], weight: 8 },
  { name: 'auditors', comment: 'Reads audit events and session trails', system: false, permissions: ['audit-view', 'connections-trail', 'users-view'], tags: ['compliance'], weight: 2 },
  {
    name: 'ssh-prod-admins',
    comment: 'Root access to production Linux hosts',
    system: false,
    permissions: ['connections-view', 'connections-manual', 'hosts-view'],
    tags: ['production', 'ssh'],
    weight: 3,
    adGroup: `CN=SSH Prod Admins,${AD_GROUPS}`,
    context: { enabled: true, validity: ['MON', 'TUE', 'WED', 'THU', 'FRI'], start_time: '07:00', end_time: '19:00', timezone: 'Europe/Helsinki' },
  },
  { name: 'ssh-staging-users', comment: 'Login to staging hosts', system: false, permissions: ['connections-view', 'connections-manual'], tags: ['staging', 'ssh'], weight: 6, adGroup: `CN=Staging Users,${AD_GROUPS}` },
  { name: 'db-readonly', comment: 'Read-only database connections', system: false, permissions: ['connections-view', 'connections-manual'], tags: ['database'], weight: 5 },
  {
    name: 'db-admins',
    comment: 'Administrative database connections: the Saturday night maintenance window only',
    system: false,
    permissions: ['connections-view', 'connections-manual', 'hosts-view'],
    tags: ['database', 'production'],
    weight: 1.5,
    // Across midnight: opens Saturday 22:00 New York time, closes Sunday 04:00, and belongs to Saturday.
    context: { enabled: true, validity: ['SAT'], start_time: '22:00', end_time: '04:00', timezone: 'America/New_York' },
  },
  { name: 'developers', comment: 'Everyday developer access', system: false, permissions: ['connections-view', 'connections-manual'], tags: [], weight: 10, adGroup: `CN=Developers,${AD_GROUPS}` },
  { name: 'network-operators', comment: 'Access to network devices', system: false, permissions: ['connections-view', 'connections-manual', 'hosts-view'], tags: ['network'], weight: 2 },
  { name: 'helpdesk', comment: 'First-line support', system: false, permissions: ['users-view', 'connections-view'], tags: ['support'], weight: 3 },
  { name: 'finance-approvers', comment: 'Approves access requests to finance systems', system: false, permissions: ['workflows-view', 'workflows-approve'], tags: ['finance'], weight: 1.2 },
  {
    name: 'contractors-limited',
    comment: 'Contractors: office hours, office network only',
    system: false,
    permissions: ['connections-view', 'connections-manual'],
    tags: ['contractor'],
    weight: 2,
    context: { enabled: true, validity: ['MON', 'TUE', 'WED', 'THU', 'FRI'], start_time: '08:00', end_time: '17:00', timezone: 'Europe/Berlin', ip_masks: ['10.20.0.0/16', '192.0.2.0/24', '2001:db8:20::/48'] },
  },
  { name: 'break-glass', comment: 'Emergency access; every use is reviewed', system: false, permissions: ['privx-admin'], tags: ['tier0', 'emergency'], weight: 0.3 },
  { name: 'vault-users', comment: 'Stores and reads personal vault secrets', system: false, permissions: ['vault-add', 'vault-view'], tags: [], weight: 4 },
  { name: 'legacy-ftp-users', comment: 'No members since the FTP gateway was retired', system: false, permissions: ['connections-view'], tags: ['legacy'], weight: 0 },
];

const NO_CONTEXT: RawRoleContext = {
  enabled: false,
  block_role: false,
  validity: [],
  start_time: '',
  end_time: '',
  timezone: '',
  ip_masks: [],
};

/** The role records plus what the user builder needs to hand them out. */
export interface RoleCatalog {
  roles: RawRole[];
  draw(rng: Random, count: number, directory: DirectoryType): RawRoleAssignment[];
}

export function buildRoleCatalog(rng: Random, adSourceId: string, authors: readonly string[], grantsAround: number): RoleCatalog {
  const accessGroups = { default: rng.uuid(), production: rng.uuid(), partners: rng.uuid() };
  const roles = ROLE_SPECS.map((spec, index): RawRole => {
    const { created, updated } = lifetime(rng);
    const drift = index % 4 === 3; // a quarter of the roles spell it `updatedby`
    const editor = rng.pick(authors);
    return {
      id: rng.uuid(),
      name: spec.name,
      comment: spec.comment,
      tags: [...spec.tags],
      system: spec.system,
      permissions: [...spec.permissions],
      access_group_id: spec.tags.includes('production') ? accessGroups.production : spec.tags.includes('contractor') ? accessGroups.partners : accessGroups.default,
      source_rules: spec.adGroup
        ? { type: 'GROUP', match: 'ANY', rules: [{ type: 'RULE', source: adSourceId, search_string: spec.adGroup }] }
        : {},
      context: { ...NO_CONTEXT, ...spec.context },
      created,
      author: rng.pick(authors),
      updated,
      ...(drift ? { updatedby: editor } : { updated_by: editor }),
      member_count: 0,
      explicit_count: 0,
    };
  });
  const weights = new Weights(ROLE_SPECS.map((spec, index) => [index, spec.weight] as const));
  const grants = new GrantFactory(grantsAround);

  return {
    roles,
    draw(random, count, directory) {
      const taken: number[] = [];
      // Rejection sampling: with at most 4 of 16 roles, a handful of retries always suffices.
      for (let attempt = 0; taken.length < count && attempt < count * 8; attempt += 1) {
        const index = random.weighted(weights);
        if (!taken.includes(index)) taken.push(index);
      }
      return taken
        .sort((a, b) => a - b)
        .map((index) => grants.grant(random, roles[index] as RawRole, ROLE_SPECS[index] as RoleSpec, directory));
    },
  };
}

const GRANT_TYPES = new Weights<GrantType>([
  ['PERMANENT', 85],
  ['FLOATING', 8],
  ['TIME_RESTRICTED', 7],
]);

/**
 * Role assignments as users carry them. Grants without dates are identical for every holder, so they are one
 * shared, frozen object per (role, explicit, implicit, grant type, length): at 100,000 users that is a few
 * dozen objects instead of a quarter of a million.
 */
class GrantFactory {
  private readonly shared = new Map<string, RawRoleAssignment>();

  /** @param today UTC midnight of the day time-restricted grants are placed around. */
  constructor(private readonly today: number) {}

  grant(rng: Random, role: RawRole, spec: RoleSpec, directory: DirectoryType): RawRoleAssignment {
    const implicit = spec.adGroup !== undefined && directory === 'AD' && rng.chance(0.8);
    // Granted through the AD group mapping (implicit), directly (explicit), now and then both.
    const explicit = !implicit || rng.chance(0.1);
    const grantType = rng.weighted(GRANT_TYPES);
    if (grantType === 'TIME_RESTRICTED') return this.timeRestricted(rng, role, explicit, implicit);
    const floatingLength = grantType === 'FLOATING' ? rng.pick(FLOATING_HOURS) : undefined;
    const key = `${role.id}|${explicit}|${implicit}|${grantType}|${floatingLength ?? ''}`;
    let grant = this.shared.get(key);
    if (!grant) {
      grant = Object.freeze({ ...base(role, explicit, implicit, grantType), floating_length: floatingLength });
      this.shared.set(key, grant);
    }
    return grant;
  }

  private timeRestricted(rng: Random, role: RawRole, explicit: boolean, implicit: boolean): RawRoleAssignment {
    // Two draws, as ever, so the rest of the data set stays what it was; they pick a shape and a length.
    const shape = TIME_SHAPES[Math.floor(rng.next() * TIME_SHAPES.length)] as TimeShape;
    const days = rng.int(7, 180);
    return { ...base(role, explicit, implicit, 'TIME_RESTRICTED'), ...shape(this.today, days) };
  }
}

const FLOATING_HOURS = [1, 4, 8, 24, 72];
const DAY_MS = 86_400_000;

type GrantDates = Pick<RawRoleAssignment, 'grant_start' | 'grant_end' | 'grant_validity_periods'>;
type TimeShape = (today: number, days: number) => GrantDates;

const at = (today: number, dayOffset: number) => rfc3339(today + dayOffset * DAY_MS);

/** Periods as `[start, end]` day offsets from today; grant_start/grant_end span them all, as PrivX shows them. */
function periods(today: number, ...offsets: [number, number][]): GrantDates {
  const list = offsets.map(([from, to]) => ({ grant_start: at(today, from), grant_end: at(today, to) }));
  const starts = offsets.map(([from]) => from);
  const ends = offsets.map(([, to]) => to);
  return { grant_start: at(today, Math.min(...starts)), grant_end: at(today, Math.max(...ends)), grant_validity_periods: list };
}

/**
 * Time-restricted grants around the day the data is made (every edge at least two days from it), so that the
 * demo shows every state on any day it runs: ended, not yet started, active and ending within weeks, active
 * in one of several (unordered) periods, between two periods, and open-ended.
 */
const TIME_SHAPES: readonly TimeShape[] = [
  (today, days) => periods(today, [-2 * days - 2, -days - 2]),
  (today, days) => periods(today, [days, 2 * days]),
  (today, days) => periods(today, [-days, 2 + (days % 40)]),
  (today, days) => periods(today, [days + 7, 2 * days + 7], [-3 * days, -2 * days], [-2, days]),
  (today, days) => periods(today, [-2 * days, -days], [3, days + 3]),
  (today, days) => ({ grant_start: at(today, -days) }),
];

function base(role: RawRole, explicit: boolean, implicit: boolean, grantType: GrantType): RawRoleAssignment {
  return {
    id: role.id,
    name: role.name,
    explicit,
    implicit,
    system: role.system,
    grant_type: grantType,
    access_group_id: role.access_group_id,
    permissions: role.permissions,
    context: role.context,
  };
}

/** `member_count` and `explicit_count` from the users actually holding each role, so lists and counts agree. */
export function countRoleMembers(roles: RawRole[], users: readonly RawRoleStoreUser[]): void {
  const byId = new Map(roles.map((role) => [role.id, role]));
  for (const role of roles) {
    role.member_count = 0;
    role.explicit_count = 0;
  }
  for (const user of users) {
    for (const held of user.roles) {
      const role = byId.get(held.id);
      if (!role) continue;
      role.member_count += 1;
      if (held.explicit) role.explicit_count += 1;
    }
  }
}
