/**
 * Effective access: whether a role grant is usable at an instant (docs/access.md). Pure: a function of the
 * grant, the role's context and the instant; it never reads a clock or calls upstream.
 */
export * from './grant-state';
export { parseAddress } from './ip-masks';
export { grantPeriods, lastEnd } from './periods';
export { zoneOrUtc } from './windows';
export * from './types';
