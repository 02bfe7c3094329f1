export { grantRole } from './grant-role';
export { revokeRole } from './revoke-role';
export { revokeGrants } from './revoke-grants';
export { applyRoleChange } from './apply-role-change';
