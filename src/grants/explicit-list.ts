import type { RoleHandle } from '../../datasources/upstream';
import type { V41RoleAssignment } from '../../datasources/v41/models';
import { explicitGrants, handleOf } from './grant-terms';

/** What one PUT changes: one grant set (an upsert), or some roles revoked. */
export type RoleChange = { kind: 'grant'; handle: RoleHandle } | { kind: 'revoke'; roleIds: ReadonlySet<string> };

/**
 * The user's new explicit list (docs/writes.md, "Role grants", step 2), built from the upstream's own record of
 * the user's roles: every other explicit grant copied field for field, in the order read; mapped roles left
 * out; the changed grant replaced in place (an upsert), appended, or dropped.
 */
export function rebuildExplicitList(current: readonly V41RoleAssignment[], change: RoleChange): RoleHandle[] {
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  const others = explicitGrants(current).map(handleOf);
  if (change.kind === 'revoke') {
    const ids = new Set([...change.roleIds].map((id) => id.toLowerCase()));
    return others.filter((handle) => !ids.has(handle.id.toLowerCase()));
  }
  const at = others.findIndex((handle) => same(handle.id, change.handle.id));
  if (at < 0) return [...others, change.handle];
  return others.map((handle, i) => (i === at ? change.handle : handle));
}
