import { localTwinOf } from './demo-local-users';
import { drawPerson, emailFor, nameFields, PrincipalRegistry } from './demo-people';
import type { RoleCatalog } from './demo-roles';
import type {
  DemoDirectories,
  MfaStatus,
  RawAttribute,
  RawLocalUser,
  RawMfa,
  RawRoleAssignment,
  RawRoleStoreUser,
  RawSource,
} from './demo-types';
import { type UserTraits, traitsFor } from './demo-user-traits';
import { flat, instantBetween, lifetime, opaqueToken, phoneNumber, RANGE_END, rfc3339, totpSeed, windowsSid } from './demo-values';
import { COMPANIES, DEPARTMENTS, TAGS, TIMEZONES, USER_COMMENTS } from './demo-vocabulary';
import { Random } from './random';

const DOMAIN_OF_COMPANY = new Map(COMPANIES.map((company) => [company.name, company.domain]));
const FALLBACK_DOMAIN = 'corp.example.com';
const AD_DN_SUFFIX = 'OU=Users,DC=corp,DC=example,DC=com';
const LDAP_DN_SUFFIX = 'ou=people,dc=legacy,dc=example,dc=org';

type Accounts = Pick<RawRoleStoreUser, 'samaccountname' | 'windows_account' | 'unix_account' | 'distinguished_name'>;

/**
 * Values many records hold alike are one frozen object, shared: at 100,000 users, fewer objects is what keeps
 * generation fast (the garbage collector copies every live object). Frozen, so an accidental write throws.
 */
const NO_TAGS = Object.freeze([]) as unknown as string[];
const NO_ATTRIBUTES = Object.freeze([]) as unknown as RawAttribute[];
const MFA_WITHOUT_SEED: Readonly<Record<MfaStatus, RawMfa>> = {
  ENABLED: Object.freeze({ status: 'ENABLED' }),
  DISABLED: Object.freeze({ status: 'DISABLED' }),
  UNINITIALIZED: Object.freeze({ status: 'UNINITIALIZED' }),
};

const VENDOR_NOTES = ['imported by hr-sync 3.2', 'manual fix: ticket OPS-1432', 'review in Q3'];

export interface BuiltUser {
  user: RawRoleStoreUser;
  local?: RawLocalUser;
}

/** Builds one role-store user (and, for LOCAL users, its local-user-store twin) per call, in sequence. */
export class DemoUserFactory {
  private readonly principals = new PrincipalRegistry();
  private readonly permissionSets = new Map<string, string[]>();

  constructor(
    private readonly rng: Random,
    private readonly directories: DemoDirectories,
    private readonly roles: RoleCatalog,
    private readonly authors: readonly string[],
  ) {}

  build(index: number): BuiltUser {
    const rng = this.rng;
    const traits = traitsFor(rng, index);
    const source = this.sourceOf(traits);
    const person = drawPerson(rng, traits.nameShape);
    const principal = this.principals.principalFor(traits.directory, traits.emailAsUsername, person);
    const life = lifetime(rng);
    const { created, updated } = life;
    const department = rng.pick(DEPARTMENTS);
    const company = traits.company ?? undefined;
    const domain = DOMAIN_OF_COMPANY.get(company ?? '') ?? FALLBACK_DOMAIN;
    const roles = this.roles.draw(rng, traits.roleCount, traits.directory);
    const id = rng.uuid();
    const externalId = traits.directory === 'LOCAL' ? undefined : traits.directory === 'OIDC' ? flat`partner|${rng.digits(12)}` : rng.uuid();
    const account = principal.split('@')[0] ?? principal;
    const editor = rng.pick(this.authors);
    const names = nameFields(traits, person);
    const accounts = this.accounts(traits, account, names.full_name ?? `${person.first} ${person.last}`, department.name);

    // Every key is always written (absent ones as `undefined`, which JSON leaves out): one object shape for all
    // records keeps 100,000 users small and fast, where per-record key sets would push V8 into dictionary mode.
    const user: RawRoleStoreUser = {
      id,
      source_user_id: externalId ?? id,
      created,
      updated,
      updated_by: traits.spellsUpdatedby ? undefined : editor,
      updatedby: traits.spellsUpdatedby ? editor : undefined,
      author: rng.pick(this.authors),
      comment: rng.pick(USER_COMMENTS),
      tags: traits.tagCount === 0 ? NO_TAGS : rng.sample(TAGS, traits.tagCount),
      principal,
      distinguished_name: accounts.distinguished_name,
      first_name: names.first_name,
      given_name: names.given_name,
      last_name: names.last_name,
      full_name: names.full_name,
      job_title: rng.chance(0.97) ? rng.pick(department.titles) : undefined,
      company,
      department: department.name,
      email: traits.hasEmail ? emailFor(rng, traits.directory, principal, domain) : undefined,
      telephone: traits.phone ? phoneNumber(rng, traits.phone) : undefined,
      locale: traits.locale ?? undefined,
      samaccountname: accounts.samaccountname,
      windows_account: accounts.windows_account,
      unix_account: accounts.unix_account,
      external_id: externalId,
      source: source.id,
      source_type: traits.directory,
      roles,
      attributes: this.attributes(traits, account),
      permissions: this.permissionsOf(roles),
      mfa: traits.mfa === 'ENABLED' ? { status: 'ENABLED', seed: totpSeed(rng) } : MFA_WITHOUT_SEED[traits.mfa],
      RefreshTimestamp: this.refreshTimestamp(traits, id, life.updatedMs),
      x_vendor_note: traits.vendorNote ? rng.pick(VENDOR_NOTES) : undefined,
      webauthn_credentials: traits.webauthn
        ? [{ id: opaqueToken(rng, 22), public_key: flat`pQECAyYgASFYI${opaqueToken(rng, 40)}`, sign_count: rng.int(0, 500), created }]
        : undefined,
      current_session_id: traits.sessionId ? rng.uuid() : undefined,
      api_token: traits.apiToken ? flat`pxt_${opaqueToken(rng, 40)}` : undefined,
    };
    return { user, local: traits.directory === 'LOCAL' ? localTwinOf(rng, user, person, life, traits.passwordChangeRequired) : undefined };
  }

  /**
   * When the directory last synchronised the user (docs/mapping.md: `lastSyncedAt`): every user of a synchronised
   * directory (AD, LDAP, OIDC) has one, a LOCAL user none. The `refreshTimestamp` trait is still drawn for every
   * user and, when set, still draws its instant from the shared stream, so every value drawn after it is what it
   * was; the other synchronised users get theirs from a stream of their own, seeded by their id.
   */
  private refreshTimestamp(traits: UserTraits, id: string, updatedMs: number): string | undefined {
    const drawn = traits.refreshTimestamp ? instantBetween(this.rng, updatedMs, RANGE_END) : undefined;
    if (traits.directory === 'LOCAL') return undefined;
    return rfc3339(drawn ?? instantBetween(new Random(Number.parseInt(id.slice(0, 8), 16)), updatedMs, RANGE_END));
  }

  /** The union of the roles' permissions; shared between users holding the same roles. */
  private permissionsOf(roles: readonly RawRoleAssignment[]): string[] {
    const key = roles.map((role) => role.id).join(',');
    let permissions = this.permissionSets.get(key);
    if (!permissions) {
      permissions = [...new Set(roles.flatMap((role) => role.permissions))].sort();
      this.permissionSets.set(key, permissions);
    }
    return permissions;
  }

  private sourceOf(traits: UserTraits): RawSource {
    const { local, ad, ldap, oidc } = this.directories;
    return { LOCAL: local, AD: ad, LDAP: ldap, OIDC: oidc }[traits.directory];
  }

  private attributes(traits: UserTraits, account: string): RawAttribute[] {
    if (traits.attributes.length === 0) return NO_ATTRIBUTES;
    const rng = this.rng;
    return traits.attributes.map((kind): RawAttribute => {
      switch (kind) {
        case 'avatar':
          return { key: 'avatar', value: flat`https://avatars.example.com/u/${account}.png` };
        case 'timezone':
          return { key: 'timezone', value: rng.pick(TIMEZONES) };
        case 'homepage':
          return { key: 'homepage', value: flat`${rng.chance(0.3) ? 'http' : 'https'}://${account.replace(/\./g, '-')}.example.net/` };
        case 'github':
          return { key: 'github', value: flat`https://github.com/${account.replace(/\./g, '-')}` };
        case 'windows_sid':
          return { key: 'windows_sid', value: windowsSid(rng) };
        case 'employee_number':
          return { key: 'employee_number', value: flat`E${rng.digits(6)}` };
      }
    });
  }

  private accounts(traits: UserTraits, account: string, commonName: string, department: string): Accounts {
    const compact = account.replace(/\./g, '');
    switch (traits.directory) {
      case 'AD': {
        const sam = compact.slice(0, 20);
        const dn = flat`CN=${commonName},OU=${department},${AD_DN_SUFFIX}`;
        return { samaccountname: sam, windows_account: sam, unix_account: compact, distinguished_name: dn };
      }
      case 'LDAP':
        return { samaccountname: undefined, windows_account: undefined, unix_account: account, distinguished_name: flat`uid=${account},${LDAP_DN_SUFFIX}` };
      case 'LOCAL':
        return {
          samaccountname: undefined,
          windows_account: this.rng.chance(0.5) ? compact.slice(0, 20) : undefined,
          unix_account: compact,
          distinguished_name: undefined,
        };
      case 'OIDC':
        return { samaccountname: undefined, windows_account: undefined, unix_account: undefined, distinguished_name: undefined };
    }
  }
}
