import { Field, Int, ObjectType } from 'type-graphql';
import { Group } from '../group/group.type';
import { Organization } from '../organization/organization.type';
import { PageInfo } from './page-info.type';
import { Role } from '../role/role.type';
import { RoleAssignmentHolder } from '../role-assignment/role-assignment-holder.type';
import { User } from '../user/user.type';

type Class<T> = new (...args: never[]) => T;

/**
 * The fields of every `XEdge` and `XConnection`, written once. The bases are registered under their own names
 * only because TypeGraphQL inherits fields from registered classes; nothing references them, so they are never
 * in the schema.
 */
function EdgeOf<TNode extends object>(Node: Class<TNode>, noun: string) {
  @ObjectType(`${Node.name}EdgeBase`, { simpleResolvers: true })
  abstract class Edge {
    @Field(() => String, { description: `An opaque cursor at this ${noun}; pass it as \`after\` to read what follows.` })
    cursor!: string;

    @Field(() => Node, { description: `The ${noun}.` })
    node!: TNode;
  }
  return Edge;
}

function ConnectionOf<TNode extends object, TEdge extends object>(Node: Class<TNode>, EdgeClass: Class<TEdge>, nouns: string) {
  @ObjectType(`${Node.name}ConnectionBase`, { simpleResolvers: true })
  abstract class Connection {
    @Field(() => [EdgeClass], { description: `The ${nouns} of this page with their cursors.` })
    edges!: TEdge[];

    @Field(() => [Node], { description: `The ${nouns} of this page, in order.` })
    nodes!: TNode[];

    @Field(() => PageInfo, { description: 'Where this page ends and whether more follows.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { nullable: true, description: `How many ${nouns} there are in all pages; null when unknown.` })
    totalCount!: number | null;
  }
  return Connection;
}

@ObjectType({ simpleResolvers: true, description: 'A user in a page of users.' })
export class UserEdge extends EdgeOf(User, 'user') {}

@ObjectType({ simpleResolvers: true, description: 'A page of users.' })
export class UserConnection extends ConnectionOf(User, UserEdge, 'users') {}

@ObjectType({ simpleResolvers: true, description: 'A role in a page of roles.' })
export class RoleEdge extends EdgeOf(Role, 'role') {}

@ObjectType({ simpleResolvers: true, description: 'A page of roles.' })
export class RoleConnection extends ConnectionOf(Role, RoleEdge, 'roles') {}

@ObjectType({ simpleResolvers: true, description: 'A group in a page of groups.' })
export class GroupEdge extends EdgeOf(Group, 'group') {}

@ObjectType({ simpleResolvers: true, description: 'A page of groups.' })
export class GroupConnection extends ConnectionOf(Group, GroupEdge, 'groups') {}

@ObjectType({ simpleResolvers: true, description: 'An organization in a page of organizations.' })
export class OrganizationEdge extends EdgeOf(Organization, 'organization') {}

@ObjectType({ simpleResolvers: true, description: 'A page of organizations.' })
export class OrganizationConnection extends ConnectionOf(Organization, OrganizationEdge, 'organizations') {}

@ObjectType({ simpleResolvers: true, description: 'A grant in a page of grants.' })
export class RoleAssignmentHolderEdge extends EdgeOf(RoleAssignmentHolder, 'grant') {}

@ObjectType({ simpleResolvers: true, description: 'A page of grants (user and assignment pairs).' })
export class RoleAssignmentHolderConnection extends ConnectionOf(RoleAssignmentHolder, RoleAssignmentHolderEdge, 'grants') {}
