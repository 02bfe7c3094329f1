import type { DemoDirectories, RawSource } from './demo-types';
import { lifetime } from './demo-values';
import type { Random } from './random';

/**
 * The four user directories ("sources"). Each one exercises a branch of the status mapping: LOCAL and AD are
 * healthy, the LDAP directory is disabled (`INACTIVE`), the OIDC one failed its last sync (`rawStatus`
 * `SYNC_FAILED`).
 */
export function buildDirectories(rng: Random, authors: readonly string[]): DemoDirectories {
  const base = (): Pick<RawSource, 'id' | 'created' | 'updated' | 'author'> => {
    const { created, updated } = lifetime(rng);
    return { id: rng.uuid(), created, updated, author: rng.pick(authors) };
  };

  const local: RawSource = {
    ...base(),
    updated_by: rng.pick(authors),
    name: 'Local users',
    ttl: 0,
    enabled: true,
    status_code: 'OK',
    status_text: '',
    comment: 'Built-in user directory',
    tags: ['builtin'],
    username_pattern: [],
    connection: { type: 'LOCAL' },
  };

  const ad: RawSource = {
    ...base(),
    updated_by: rng.pick(authors),
    name: 'Corporate AD',
    ttl: 3600,
    enabled: true,
    status_code: 'OK',
    status_text: 'Last sync completed',
    comment: 'corp.example.com forest',
    tags: ['primary', 'ad'],
    username_pattern: ['%s@corp.example.com', 'CORP\\%s'],
    connection: {
      type: 'AD',
      address: 'dc01.corp.example.com',
      port: 636,
      protocol: 'LDAPS',
      base: 'DC=corp,DC=example,DC=com',
      user_filter: '(&(objectClass=user)(!(userAccountControl:1.2.840.113556.1.4.803:=2)))',
      bind_dn: 'CN=privx-sync,OU=Service Accounts,DC=corp,DC=example,DC=com',
      // A secret inside a nested object: the client strips it at any depth.
      password: 'Sync-Acc0unt-Pa55',
      domain: 'CORP',
      attribute_mapping_enabled: true,
    },
  };

  const ldap: RawSource = {
    ...base(),
    // Spelling drift seen in real payloads.
    updatedby: rng.pick(authors),
    name: 'Legacy LDAP',
    ttl: 86400,
    enabled: false,
    status_code: 'OK',
    status_text: 'Directory disabled by administrator',
    comment: 'Decommissioning in progress: users are being migrated to Corporate AD',
    tags: ['legacy'],
    username_pattern: ['%s'],
    connection: {
      type: 'LDAP',
      address: 'ldap.legacy.example.org',
      port: 389,
      protocol: 'LDAP',
      base: 'ou=people,dc=legacy,dc=example,dc=org',
      user_filter: '(objectClass=inetOrgPerson)',
    },
  };

  const oidc: RawSource = {
    ...base(),
    updated_by: rng.pick(authors),
    name: 'Partner SSO',
    ttl: 900,
    enabled: true,
    status_code: 'SYNC_FAILED',
    status_text: 'identity provider returned 502 Bad Gateway',
    comment: 'Federated partner accounts',
    tags: ['partners', 'oidc'],
    username_pattern: ['%s'],
    connection: {
      type: 'OIDC',
      oidc_issuer: 'https://login.partner.example',
      oidc_client_id: 'privx-partner-sso',
      oidc_client_secret: 'partner-oidc-client-secret',
      oidc_button_title: 'Sign in with Partner SSO',
      oidc_scopes: ['openid', 'profile', 'email'],
    },
  };

  return { local, ad, ldap, oidc };
}

export function directoryList(directories: DemoDirectories): RawSource[] {
  return [directories.local, directories.ad, directories.ldap, directories.oidc];
}
