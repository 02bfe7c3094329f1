import type {
  V41LocalUser,
  V41Role,
  V41RoleAssignment,
  V41RoleStoreUser,
  V41Source,
} from '../../datasources/v41/models';

export const USER_ID = '0b4d7c2e-5f0a-4b8e-9c1d-2e3f4a5b6c7d';
export const SOURCE_ID = '5a1e2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b';
export const ROLE_ID = 'c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f';

/** A role-store user with nothing optional set; `raw` mirrors the typed fields as the upstream would send them. */
export function rsUser(overrides: Partial<V41RoleStoreUser> = {}): V41RoleStoreUser {
  const { raw, ...fields } = overrides;
  const typed = { id: USER_ID, tags: [], roles: null, attributes: [], ...fields };
  return { ...typed, raw: raw ?? { ...typed } };
}

export function localUser(overrides: Partial<V41LocalUser> = {}): V41LocalUser {
  const { raw, ...fields } = overrides;
  const typed = { id: USER_ID, tags: [], password_change_required: false, attributes: [], ...fields };
  return { ...typed, raw: raw ?? { ...typed } };
}

export function source(overrides: Partial<V41Source> = {}): V41Source {
  return { id: SOURCE_ID, enabled: true, tags: [], ...overrides };
}

export function role(overrides: Partial<V41Role> = {}): V41Role {
  return { id: ROLE_ID, tags: [], permissions: [], ...overrides };
}

export function roleAssignment(overrides: Partial<V41RoleAssignment> = {}): V41RoleAssignment {
  return { id: ROLE_ID, ...overrides };
}
