export { grantRole } from './grant-role';
export { revokeRole } from './revoke-role';
export { revokeGrants, MAX_REVOCATIONS } from './revoke-grants';
export { applyRoleChange, MAX_REBUILDS, type Applied, type Decision } from './apply-role-change';
