import { toWorkspace, workspaceStatus } from '../../src/entities/workspace/workspaces.mapping';
import { WorkspaceStatus } from '../../src/entities/workspace/workspace-status.type';
import { WorkspaceType } from '../../src/entities/workspace/workspace-type.type';
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
    expect(toWorkspace(source(fields))).toEqual({ id: SOURCE_ID, organization: null, status: fields.enabled ? null : 'DISABLED', statusText: null, ...expected });
  });

  it.each([
    [true, 'OK', WorkspaceStatus.OK],
    [true, ' ok ', WorkspaceStatus.OK],
    [true, 'SYNC_FAILED', WorkspaceStatus.FAILED],
    [true, 'CONNECTION_ERROR', WorkspaceStatus.FAILED],
    [true, 'DEGRADED', WorkspaceStatus.WARNING],
    [true, undefined, null],
    [true, ' ', null],
    [false, 'OK', WorkspaceStatus.DISABLED],
    [false, 'SYNC_FAILED', WorkspaceStatus.DISABLED],
  ])('enabled %p, status_code %p → %p', (enabled, statusCode, status) => {
    expect(workspaceStatus({ enabled, status_code: statusCode })).toBe(status);
  });

  it('statusText as given, blank as null', () => {
    expect(toWorkspace(source({ status_code: 'SYNC_FAILED', status_text: ' token expired ' }))).toMatchObject({ status: 'FAILED', statusText: 'token expired' });
    expect(toWorkspace(source({ status_text: ' ' })).statusText).toBeNull();
  });
});
