/**
 * The GraphQL types of the identity subgraph. Every object type sets `simpleResolvers: true`: its plain fields
 * resolve with graphql-js's default resolver, without TypeGraphQL's per-field wrapper (measured: a few percent
 * of CPU on large pages). No middleware or auth checker is used; a field that gets one needs `simple: false`.
 */
export * from './role-assignment/assignment-state.type';
export * from './shared/connections.type';
export * from './user/email.type';
export * from './role-assignment/grant-type.type';
export * from './role-assignment/grant-period.type';
export * from './group/group.type';
export * from './group/group-type.type';
export * from './user/mfa-status.type';
export * from './shared/order-direction.type';
export * from './organization/organization.type';
export * from './shared/page-info.type';
export * from './user/phone.type';
export * from './role/role.type';
export * from './role-assignment/role-assignment.type';
export * from './role-assignment/role-assignment-filter.type';
export * from './role-assignment/role-assignment-holder.type';
export * from './role/role-context.type';
export * from './user/url.type';
export * from './user/user.type';
export * from './user/user-filter.type';
export * from './user/user-order.type';
export * from './user/user-order-field.type';
export * from './user/user-status.type';
export * from './workspace/workspace.type';
export * from './workspace/workspace-status.type';
export * from './workspace/workspace-type.type';
export * from './role-assignment/weekday.type';
export * from './shared/page-args.type';
export * from './user-change/user-change.type';
