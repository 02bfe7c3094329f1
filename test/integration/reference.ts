import type { DemoData, RawRoleStoreUser } from '../../datasources/simulator/demo-data';

/**
 * Expected answers computed straight from the simulator's raw demo data with plain rules, independent of the
 * subgraph's mapping code, so that filter and paging tests compare against something they did not produce.
 */

export const trimmed = (s?: string) => (s && s.trim() ? s.trim() : undefined);

export function usersWhere(data: DemoData, predicate: (u: RawRoleStoreUser) => boolean): string[] {
  return data.users.filter(predicate).map((u) => u.id).sort();
}

export function sourceOf(data: DemoData, user: RawRoleStoreUser) {
  return data.sources.find((s) => s.id === user.source);
}

export function localOf(data: DemoData, user: RawRoleStoreUser) {
  return data.localUsers.find((l) => l.id === user.source_user_id);
}

/**
 * Whether a user holds a role now, by access.md's rule 1 written plainly: a TIME_RESTRICTED grant has ended when
 * every one of its periods (validity periods, else start..end) has an end at or before now.
 */
export function holdsRoleNow(user: RawRoleStoreUser, roleId: string, now = Date.now()): boolean {
  return user.roles.some((grant) => {
    if (grant.id !== roleId) return false;
    if (grant.grant_type !== 'TIME_RESTRICTED') return true;
    const periods = grant.grant_validity_periods?.length ? grant.grant_validity_periods : [{ grant_start: grant.grant_start, grant_end: grant.grant_end }];
    return !periods.every((p) => p.grant_end !== undefined && Date.parse(p.grant_end) <= now);
  });
}

export function expectedStatus(data: DemoData, user: RawRoleStoreUser): string {
  const source = sourceOf(data, user);
  if (source?.enabled === false) return 'INACTIVE';
  if (user.source_type === 'LOCAL' && localOf(data, user)?.password_change_required) return 'INVITED';
  return 'ACTIVE';
}

/** The documented keyword semantics: every word, case-insensitively, in one of the searched fields. */
export function keywordMatch(user: RawRoleStoreUser, keywords: string): boolean {
  const fields = [user.principal, user.full_name, user.first_name ?? user.given_name, user.last_name, user.email, user.company, user.department, user.job_title]
    .filter((f): f is string => typeof f === 'string')
    .map((f) => f.toLowerCase());
  return keywords
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => fields.some((f) => f.includes(word)));
}

export const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64url');
export const escapeGroupPart = (s: string) => s.replace(/%/g, '%25').replace(/:/g, '%3A');
export const orgId = (company: string) => b64(`org:${company}`);
export const departmentId = (company: string, department: string) => b64(`group:DEPARTMENT:${escapeGroupPart(company)}:${escapeGroupPart(department)}`);
export const tagId = (tag: string) => b64(`group:TAG::${escapeGroupPart(tag)}`);

/** Every secret value the simulator planted in its data: none may ever reach a response. */
export function plantedSecrets(data: DemoData): string[] {
  const secrets: string[] = [];
  for (const user of data.users) {
    if (user.mfa?.seed) secrets.push(user.mfa.seed);
    if (user.api_token) secrets.push(user.api_token);
    if (user.current_session_id) secrets.push(user.current_session_id);
    for (const credential of user.webauthn_credentials ?? []) secrets.push(credential.public_key);
  }
  for (const local of data.localUsers) secrets.push(local.password?.password ?? "");
  return secrets.filter((s) => s.length >= 8);
}
