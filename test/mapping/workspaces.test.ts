import { toWorkspace } from '../../src/mapping/workspaces';
import { WorkspaceType } from '../../src/types/workspace-type';
import { SOURCE_ID, source } from './factories';

describe('toWorkspace', () => {
  it.each([
    ['LOCAL', WorkspaceType.LOCAL],
    ['AD', WorkspaceType.AD],
    ['LDAP', WorkspaceType.LDAP],
    ['MICROSOFTGRAPH', WorkspaceType.MICROSOFTGRAPH],
    ['OIDC', WorkspaceType.OIDC],
    ['SCIM', WorkspaceType.SCIM],
    [' LDAP ', WorkspaceType.LDAP],
    ['ldap', WorkspaceType.OTHER],
    ['API-CLIENT', WorkspaceType.OTHER],
    ['OTHER', WorkspaceType.OTHER],
    ['', WorkspaceType.OTHER],
    [undefined, WorkspaceType.OTHER],
  ])('connection type %j → %s', (connectionType, type) => {
    expect(toWorkspace(source({ connection_type: connectionType })).type).toBe(type);
  });

  it.each([
    [{ name: ' Corporate AD ', enabled: true, connection_type: 'AD' }, { name: 'Corporate AD', enabled: true, type: WorkspaceType.AD }],
    [{ name: ' ', enabled: false }, { name: null, enabled: false, type: WorkspaceType.OTHER }],
  ])('%j', (fields, expected) => {
    expect(toWorkspace(source(fields))).toEqual({ id: SOURCE_ID, organization: null, ...expected });
  });
});
