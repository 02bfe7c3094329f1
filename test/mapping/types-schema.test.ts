import { printSchemaWithDirectives } from '@graphql-tools/utils';
import {
  isEnumType,
  isInputObjectType,
  isObjectType,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { buildSchema, Query, Resolver } from 'type-graphql';
import * as types from '../../src/types';

@Resolver()
class Dummy {
  @Query(() => Boolean, { description: 'Only here because a schema needs a query.' })
  ok(): boolean {
    return true;
  }
}

const CLASSES = [
  types.User,
  types.Email,
  types.Phone,
  types.Url,
  types.Role,
  types.RoleAssignment,
  types.Organization,
  types.Workspace,
  types.Group,
  types.PageInfo,
  types.UserEdge,
  types.UserConnection,
  types.RoleEdge,
  types.RoleConnection,
  types.GroupEdge,
  types.GroupConnection,
  types.OrganizationEdge,
  types.OrganizationConnection,
  types.UserFilter,
  types.UserOrder,
];

const ENUMS = ['UserStatus', 'GrantType', 'WorkspaceType', 'GroupType', 'UserOrderField', 'OrderDirection'];

function typeDefinition(sdl: string, keyword: string, name: string): string {
  const match = new RegExp(`^${keyword} ${name}\\b[^{]*\\{[^}]*\\}`, 'm').exec(sdl.replace(/"""[\s\S]*?"""\n\s*/g, ''));
  if (!match) throw new Error(`${keyword} ${name} not found`);
  return match[0].replace(/\s+/g, ' ');
}

describe('the TypeGraphQL classes', () => {
  let schema: GraphQLSchema;
  let sdl: string;

  beforeAll(async () => {
    schema = await buildSchema({ resolvers: [Dummy], orphanedTypes: CLASSES, validate: false });
    sdl = printSchemaWithDirectives(schema);
  });

  it('emit the entity keys and shareable value types', () => {
    for (const entity of ['User', 'Role', 'Organization', 'Workspace', 'Group']) {
      expect(typeDefinition(sdl, 'type', entity)).toContain(`type ${entity} @key(fields: "id") {`);
    }
    for (const shared of ['Email', 'Phone', 'Url', 'PageInfo']) {
      expect(typeDefinition(sdl, 'type', shared)).toContain(`type ${shared} @shareable {`);
    }
    expect(typeDefinition(sdl, 'type', 'RoleAssignment')).toContain('type RoleAssignment {');
  });

  it('emit User with the contract types, the phones scope, contract tags and list sizes', () => {
    expect(typeDefinition(sdl, 'type', 'User')).toBe(
      'type User @key(fields: "id") { id: ID! firstName: String lastName: String title: String username: String ' +
        'emails: [Email!]! @tag(name: "pii") @listSize(assumedSize: 3) ' +
        'phones: [Phone!] @tag(name: "pii") @listSize(assumedSize: 3) @requiresScopes(scopes: [["users:pii"]]) ' +
        'organizations: [Organization!]! @listSize(assumedSize: 1) groups: [Group!]! @listSize(assumedSize: 5) ' +
        'avatar: String timezone: String languages: [String!]! createdAt: DateTimeISO updatedAt: DateTimeISO ' +
        'urls: [Url!]! @listSize(assumedSize: 3) }',
    );
  });

  it.each([
    ['type', 'Email', '{ email: String! type: String isPrimary: Boolean! }'],
    ['type', 'Phone', '{ number: String! extension: String type: String }'],
    ['type', 'Url', '{ url: String! type: String }'],
    [
      'type',
      'Role',
      '{ id: ID! name: String description: String system: Boolean permissions: [String!]! memberCount: Int group: String ' +
        'organization: String workspace: String createdAt: DateTimeISO updatedAt: DateTimeISO }',
    ],
    ['type', 'RoleAssignment', '{ role: Role! explicit: Boolean! grantType: GrantType grantStart: DateTimeISO grantEnd: DateTimeISO }'],
    ['type', 'Organization', '{ id: ID! name: String }'],
    ['type', 'Workspace', '{ id: ID! name: String type: WorkspaceType enabled: Boolean organization: String }'],
    ['type', 'Group', '{ id: ID! name: String type: GroupType organization: String }'],
    ['type', 'PageInfo', '{ hasNextPage: Boolean! endCursor: String }'],
    ['type', 'UserEdge', '{ cursor: String! node: User! }'],
    ['type', 'UserConnection', '{ edges: [UserEdge!]! nodes: [User!]! pageInfo: PageInfo! totalCount: Int }'],
    ['type', 'RoleEdge', '{ cursor: String! node: Role! }'],
    ['type', 'RoleConnection', '{ edges: [RoleEdge!]! nodes: [Role!]! pageInfo: PageInfo! totalCount: Int }'],
    ['type', 'GroupEdge', '{ cursor: String! node: Group! }'],
    ['type', 'GroupConnection', '{ edges: [GroupEdge!]! nodes: [Group!]! pageInfo: PageInfo! totalCount: Int }'],
    ['type', 'OrganizationEdge', '{ cursor: String! node: Organization! }'],
    ['type', 'OrganizationConnection', '{ edges: [OrganizationEdge!]! nodes: [Organization!]! pageInfo: PageInfo! totalCount: Int }'],
    [
      'input',
      'UserFilter',
      '{ search: String email: String username: String status: UserStatus workspaceId: ID organizationId: ID groupId: ID roleId: ID }',
    ],
    ['input', 'UserOrder', '{ field: UserOrderField! direction: OrderDirection! = ASC }'],
    ['enum', 'UserStatus', '{ ACTIVE INACTIVE DELETED INVITED }'],
    ['enum', 'GrantType', '{ PERMANENT FLOATING TIME_RESTRICTED }'],
    ['enum', 'WorkspaceType', '{ LOCAL AD LDAP MICROSOFTGRAPH OIDC SCIM OTHER }'],
    ['enum', 'GroupType', '{ DEPARTMENT TAG }'],
    ['enum', 'UserOrderField', '{ CREATED_AT UPDATED_AT USERNAME NAME EMAIL }'],
    ['enum', 'OrderDirection', '{ ASC DESC }'],
  ])('emit %s %s as in api.graphql', (keyword, name, body) => {
    expect(typeDefinition(sdl, keyword, name).replace(/^[^{]*/, '')).toBe(body);
  });

  it('keep the generic connection bases out of the schema', () => {
    expect(sdl).not.toMatch(/Base\b/);
  });

  it('describe every type, field and enum value', () => {
    const named = (name: string): GraphQLNamedType => {
      const type = schema.getType(name);
      if (!type) throw new Error(`${name} missing`);
      return type;
    };
    const undescribed: string[] = [];
    for (const name of [...CLASSES.map((c) => c.name), ...ENUMS]) {
      const type = named(name);
      if (!type.description) undescribed.push(name);
      if (isObjectType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) if (!field.description) undescribed.push(`${name}.${field.name}`);
      }
      if (isEnumType(type)) {
        for (const value of type.getValues()) if (!value.description) undescribed.push(`${name}.${value.name}`);
      }
    }
    expect(undescribed).toEqual([]);
  });
});
