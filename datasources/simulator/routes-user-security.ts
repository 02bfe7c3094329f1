import type { RawRoleStoreUser } from './demo-types';
import { badRequest, notFound, ok, parseJson, requireUuid } from './http-io';
import type { Route } from './router';
import type { SimulatorStore } from './store';

/** A user's security actions, for tests that check what a client did. */
export interface UserSecurityLog {
  /** User ids whose MFA was reset, one entry per user per call. */
  mfaResets: string[];
  /** User ids whose sessions were terminated, one entry per call. */
  sessionTerminations: string[];
  now: () => string;
}

/**
 * `POST /role-store/api/v1/users/mfa/reset` (a JSON array of user ids) and
 * `POST /auth/api/v1/sessionstorage/users/{id}/sessions/terminate`, for users of any directory. Both are
 * idempotent: resetting a reset MFA or ending no sessions succeeds. An unknown id is a 404 and changes nothing.
 */
export function userSecurityRoutes(store: SimulatorStore, log: UserSecurityLog): Route[] {
  const known = (id: string): RawRoleStoreUser => {
    const user = store.userById(id);
    if (!user) throw notFound('user', id);
    return user;
  };
  return [
    {
      method: 'POST',
      template: '/role-store/api/v1/users/mfa/reset',
      kind: 'data',
      handler: ({ body }) => {
        const ids = parseJson(body);
        if (!Array.isArray(ids) || ids.length === 0 || ids.some((id) => typeof id !== 'string')) throw badRequest('body must be a non-empty array of user ids');
        // Every id checked before any is changed: a call with one unknown id resets nobody.
        const users = (ids as string[]).map((id) => known(requireUuid(id, 'user_id')));
        const at = log.now();
        for (const user of new Set(users)) {
          // The seed goes with the reset: the user enrols again on next login.
          user.mfa = { status: 'UNINITIALIZED' };
          user.updated = at;
          log.mfaResets.push(user.id);
        }
        return ok({});
      },
    },
    {
      method: 'POST',
      template: '/auth/api/v1/sessionstorage/users/:id/sessions/terminate',
      kind: 'data',
      handler: ({ params }) => {
        const user = known(requireUuid(params.id ?? '', 'user_id'));
        user.current_session_id = undefined;
        log.sessionTerminations.push(user.id);
        return ok({});
      },
    },
  ];
}
