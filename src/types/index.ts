/**
 * The GraphQL types of the identity subgraph. Every object type sets `simpleResolvers: true`: its plain fields
 * resolve with graphql-js's default resolver, without TypeGraphQL's per-field wrapper (measured: a few percent
 * of CPU on large pages). No middleware or auth checker is used; a field that gets one needs `simple: false`.
 */
export * from './assignment-state';
export * from './connections';
export * from './email';
export * from './grant-type';
export * from './grant-period';
export * from './group';
export * from './group-type';
export * from './mfa-status';
export * from './order-direction';
export * from './organization';
export * from './page-info';
export * from './phone';
export * from './role';
export * from './role-assignment';
export * from './role-assignment-filter';
export * from './role-assignment-holder';
export * from './role-context';
export * from './url';
export * from './user';
export * from './user-filter';
export * from './user-order';
export * from './user-order-field';
export * from './user-status';
export * from './workspace';
export * from './workspace-status';
export * from './workspace-type';
export * from './weekday';
export * from './page-args';
export * from './role-grant-inputs';
export * from './role-grant-payloads';
export { UserError, UserErrorCode } from '../writes/user-error';
