import type { DirectoryType, RawRoleStoreUser } from './demo-types';
import type { NameShape, UserTraits } from './demo-user-traits';
import { flat } from './demo-values';
import { asciiSlug, FIRST_NAMES, LAST_NAMES } from './demo-vocabulary';
import type { Random } from './random';

/** Who a demo user is: names, the principal derived from them, and the name fields the record shows. */

export interface Person {
  first: string;
  last: string;
  /** A second given name, used by the three-word full names. */
  middle: string;
  firstSlug: string;
  lastSlug: string;
}

/** Single-word surnames, so a "two-word full name" really has two words. */
const SIMPLE_LAST_NAMES = LAST_NAMES.filter((name) => !name.includes(' '));
const SLUGS = new Map([...FIRST_NAMES, ...LAST_NAMES].map((name) => [name, asciiSlug(name)]));

function slug(name: string): string {
  return SLUGS.get(name) ?? asciiSlug(name);
}

export function drawPerson(rng: Random, nameShape: NameShape): Person {
  const first = rng.pick(FIRST_NAMES);
  const simpleLast = nameShape === 'fullNameTwoWords' || nameShape === 'fullNameThreeWords';
  const last = rng.pick(simpleLast ? SIMPLE_LAST_NAMES : LAST_NAMES);
  const drawn = rng.pick(FIRST_NAMES);
  // "Anna Anna Smith" reads like a bug, not a name.
  const middle = drawn !== first ? drawn : (FIRST_NAMES[(FIRST_NAMES.indexOf(first) + 1) % FIRST_NAMES.length] ?? drawn);
  return { first, last, middle, firstSlug: slug(first), lastSlug: slug(last) };
}

/**
 * Unique principals, in each directory's style. Bases never contain digits, so "base" + counter cannot collide
 * with another base; a second "anna.virtanen" becomes "anna.virtanen2" whichever directory claims it.
 */
export class PrincipalRegistry {
  private readonly claimed = new Map<string, number>();

  principalFor(directory: DirectoryType, emailAsUsername: boolean, p: Person): string {
    const { firstSlug: f, lastSlug: l } = p;
    switch (directory) {
      case 'LDAP':
        return this.claim((n) => flat`${f.charAt(0)}${l}${n}`);
      case 'OIDC':
        return this.claim((n) => flat`${f}.${l}${n}@partners.example`);
      case 'LOCAL':
        if (emailAsUsername) return this.claim((n) => flat`${f}.${l}${n}@local.example.com`);
        return this.claim((n) => flat`${f}.${l}${n}`);
      case 'AD':
        return this.claim((n) => flat`${f}.${l}${n}`);
    }
  }

  private claim(render: (suffix: string) => string): string {
    const base = render('');
    const taken = this.claimed.get(base) ?? 0;
    this.claimed.set(base, taken + 1);
    return taken === 0 ? base : render(String(taken + 1));
  }
}

export type NameFields = Pick<RawRoleStoreUser, 'first_name' | 'given_name' | 'last_name' | 'full_name'>;

/** The name fields as the record's name shape has them (see `NameShape`). */
export function nameFields(traits: UserTraits, p: Person): NameFields {
  const hasParts = traits.nameShape === 'full' || traits.nameShape === 'noFullName';
  const fullName =
    traits.nameShape === 'noFullName'
      ? undefined
      : traits.nameShape === 'fullNameThreeWords'
        ? flat`${p.first} ${p.middle} ${p.last}`
        : flat`${p.first} ${p.last}`;
  return {
    first_name: hasParts && !traits.spellsGivenName ? p.first : undefined,
    given_name: hasParts && traits.spellsGivenName ? p.first : undefined,
    last_name: hasParts ? p.last : undefined,
    full_name: fullName,
  };
}

export function emailFor(rng: Random, directory: DirectoryType, principal: string, domain: string): string {
  if (principal.includes('@')) return principal;
  // Some directories keep mixed case in addresses; keyword search must not care.
  const shown = rng.chance(0.05) ? principal.charAt(0).toUpperCase() + principal.slice(1) : principal;
  return flat`${shown}@${directory === 'LDAP' ? 'legacy.example.org' : domain}`;
}
