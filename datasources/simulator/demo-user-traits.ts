import type { DirectoryType, MfaStatus } from './demo-types';
import { PHONE_FORMATS, type PhoneFormat } from './demo-values';
import { COMPANIES, LOCALES } from './demo-vocabulary';
import { type Random, Weights } from './random';

/**
 * What kind of record a demo user is, decided before any value is drawn. Separating the "kind" from the values
 * lets the first users of every data set be pinned to one mapping rule each (`SHOWCASE`), so tests and docs can
 * name a stable example of every branch, while the rest follow realistic proportions.
 */

/** Which of the mapping's name rules the record exercises. */
export type NameShape =
  /** full_name, first_name and last_name all present. */
  | 'full'
  /** No full_name: the name is the local display_name (LOCAL) or "first last" (others). */
  | 'noFullName'
  /** Only full_name, of exactly two words: first and last name are split from it. */
  | 'fullNameTwoWords'
  /** Only full_name, of three words: first and last name stay null. */
  | 'fullNameThreeWords';

export type AttributeKind = 'avatar' | 'timezone' | 'homepage' | 'github' | 'windows_sid' | 'employee_number';

export interface UserTraits {
  directory: DirectoryType;
  nameShape: NameShape;
  /** `given_name` instead of `first_name` (documented drift). */
  spellsGivenName: boolean;
  /** `updatedby` instead of `updated_by` (observed drift). */
  spellsUpdatedby: boolean;
  /** The company value as stored: a name, '' or whitespace (blank), or null (key absent). */
  company: string | null;
  hasEmail: boolean;
  phone: PhoneFormat | null;
  locale: string | null;
  mfa: MfaStatus;
  roleCount: number;
  tagCount: number;
  attributes: AttributeKind[];
  /** LOCAL only: the local record asks for a password change (status INVITED). */
  passwordChangeRequired: boolean;
  /** LOCAL only: the username is an e-mail address. */
  emailAsUsername: boolean;
  /** How a synchronised user's RefreshTimestamp is drawn (LOCAL users have none): see `DemoUserFactory`. */
  refreshTimestamp: boolean;
  vendorNote: boolean;
  webauthn: boolean;
  sessionId: boolean;
  apiToken: boolean;
}

const DIRECTORY_SHARES = new Weights<DirectoryType>([
  ['LOCAL', 30],
  ['AD', 50],
  ['LDAP', 12],
  ['OIDC', 8],
]);

const NAME_SHAPES = new Weights<NameShape>([
  ['full', 88],
  ['noFullName', 5],
  ['fullNameTwoWords', 4],
  ['fullNameThreeWords', 3],
]);

const PHONE_SHARES = new Weights<PhoneFormat | null>([
  [null, 15],
  ...PHONE_FORMATS.map((format) => [format, format === 'fi' ? 25 : format === 'se' || format === 'de' ? 12 : 9] as const),
]);

const MFA_SHARES = new Weights<MfaStatus>([
  ['ENABLED', 40],
  ['DISABLED', 35],
  ['UNINITIALIZED', 25],
]);

const ROLE_COUNTS = new Weights([
  [0, 10],
  [1, 30],
  [2, 30],
  [3, 20],
  [4, 10],
]);

const TAG_COUNTS = new Weights([
  [0, 50],
  [1, 30],
  [2, 15],
  [3, 5],
]);

function drawCompany(rng: Random): string | null {
  const roll = rng.next();
  if (roll < 0.03) return '';
  if (roll < 0.04) return '   ';
  if (roll < 0.05) return null;
  return rng.pick(COMPANIES).name;
}

function drawAttributes(rng: Random, directory: DirectoryType): AttributeKind[] {
  const kinds: AttributeKind[] = [];
  if (rng.chance(0.25)) kinds.push('avatar');
  if (rng.chance(0.3)) kinds.push('timezone');
  if (rng.chance(0.08)) kinds.push('homepage');
  if (rng.chance(0.1)) kinds.push('github');
  if (rng.chance(directory === 'AD' ? 0.5 : 0)) kinds.push('windows_sid');
  if (rng.chance(0.15)) kinds.push('employee_number');
  return kinds;
}

export function drawTraits(rng: Random): UserTraits {
  const directory = rng.weighted(DIRECTORY_SHARES);
  return {
    directory,
    nameShape: rng.weighted(NAME_SHAPES),
    spellsGivenName: rng.chance(0.1),
    spellsUpdatedby: rng.chance(0.2),
    company: drawCompany(rng),
    hasEmail: rng.chance(0.96),
    phone: rng.weighted(PHONE_SHARES),
    locale: rng.chance(0.08) ? null : rng.pick(LOCALES),
    mfa: rng.weighted(MFA_SHARES),
    roleCount: rng.weighted(ROLE_COUNTS),
    tagCount: rng.weighted(TAG_COUNTS),
    attributes: drawAttributes(rng, directory),
    passwordChangeRequired: rng.chance(0.1),
    emailAsUsername: rng.chance(0.15),
    refreshTimestamp: rng.chance(0.3),
    vendorNote: rng.chance(0.02),
    webauthn: rng.chance(0.03),
    sessionId: rng.chance(0.03),
    apiToken: rng.chance(0.01),
  };
}

export interface ShowcaseUser {
  /** The mapping rule (docs/mapping.md) the user exercises. */
  rule: string;
  traits: Partial<UserTraits>;
}

/**
 * The first users of every data set, one mapping rule each (index = position in `DemoData.users`). Only the
 * listed traits are pinned; the rest are drawn as for any user.
 */
export const SHOWCASE: readonly ShowcaseUser[] = [
  {
    rule: 'status INVITED: local user with password_change_required',
    traits: { directory: 'LOCAL', nameShape: 'full', passwordChangeRequired: true, phone: 'fi', locale: 'fi_FI', roleCount: 2 },
  },
  {
    rule: 'name from the local display_name: LOCAL user without full_name',
    traits: { directory: 'LOCAL', nameShape: 'noFullName', spellsGivenName: false, passwordChangeRequired: false, emailAsUsername: false },
  },
  {
    rule: 'phone extension "x123"; avatar, timezone and URL attributes; MFA seed to strip',
    traits: {
      directory: 'AD',
      nameShape: 'full',
      company: 'Acme Corp',
      phone: 'us-x',
      locale: 'en_US',
      mfa: 'ENABLED',
      roleCount: 3,
      tagCount: 2,
      attributes: ['avatar', 'timezone', 'homepage', 'github', 'windows_sid'],
    },
  },
  { rule: 'name "first last": no full_name, first and last present', traits: { directory: 'AD', nameShape: 'noFullName', spellsGivenName: false } },
  { rule: 'first/last split from a two-word full_name', traits: { directory: 'AD', nameShape: 'fullNameTwoWords' } },
  { rule: 'first/last null: three-word full_name only', traits: { directory: 'AD', nameShape: 'fullNameThreeWords' } },
  { rule: 'status INACTIVE (source_disabled): user of the disabled directory', traits: { directory: 'LDAP', nameShape: 'full', roleCount: 1 } },
  { rule: 'rawStatus SYNC_FAILED: user of the directory whose sync failed', traits: { directory: 'OIDC', nameShape: 'full', roleCount: 1 } },
  {
    rule: 'spelling drift: given_name, updatedby, RefreshTimestamp; phone extension "ext. 45"',
    traits: { directory: 'AD', nameShape: 'full', spellsGivenName: true, spellsUpdatedby: true, phone: 'uk-ext', refreshTimestamp: true, locale: 'en_GB' },
  },
  {
    rule: 'secrets to strip (webauthn_credentials, current_session_id, api_token, mfa.seed, password), unknown key, e-mail username, phone ";ext=9"',
    traits: {
      directory: 'LOCAL',
      nameShape: 'full',
      passwordChangeRequired: false,
      emailAsUsername: true,
      phone: 'us-semicolon-ext',
      mfa: 'ENABLED',
      webauthn: true,
      sessionId: true,
      apiToken: true,
      vendorNote: true,
    },
  },
  { rule: 'company with a colon ("Northwind: EMEA"); three tags', traits: { directory: 'AD', nameShape: 'full', company: 'Northwind: EMEA', tagCount: 3, locale: 'sv_SE' } },
  {
    rule: 'empty lists: blank company, no e-mail, phone, locale, roles, tags or attributes',
    traits: { directory: 'AD', nameShape: 'full', company: '', hasEmail: false, phone: null, locale: null, roleCount: 0, tagCount: 0, attributes: [] },
  },
];

export function traitsFor(rng: Random, index: number): UserTraits {
  const drawn = drawTraits(rng);
  const pinned = SHOWCASE[index]?.traits;
  if (!pinned) return drawn;
  const traits = { ...drawn, ...pinned };
  // A pinned directory can differ from the drawn one: keep Windows SIDs to AD users.
  return traits.directory === 'AD' ? traits : { ...traits, attributes: traits.attributes.filter((kind) => kind !== 'windows_sid') };
}
