import type { V41Source } from '../../../datasources/v41/models';
import { Workspace } from './workspace.type';
import { WorkspaceStatus } from './workspace-status.type';
import { WorkspaceType } from './workspace-type.type';
import { present } from '../shared/text.mapping';

const KNOWN_TYPES: ReadonlySet<string> = new Set(Object.values(WorkspaceType));

function workspaceType(connectionType?: string): WorkspaceType {
  const type = present(connectionType);
  return type && KNOWN_TYPES.has(type) ? (type as WorkspaceType) : WorkspaceType.OTHER;
}

/**
 * Disabled wins; then the status code: OK, one that says it failed or erred, or any other (a warning). PrivX
 * documents only "OK", so the words are matched rather than a list of codes.
 */
export function workspaceStatus(source: Pick<V41Source, 'enabled' | 'status_code'>): WorkspaceStatus | null {
  if (!source.enabled) return WorkspaceStatus.DISABLED;
  const code = present(source.status_code)?.toUpperCase();
  if (code === undefined) return null;
  if (code === 'OK') return WorkspaceStatus.OK;
  return /FAIL|ERROR/.test(code) ? WorkspaceStatus.FAILED : WorkspaceStatus.WARNING;
}

export function toWorkspace(source: V41Source): Workspace {
  return Object.assign(new Workspace(), {
    id: source.id,
    name: present(source.name) ?? null,
    type: workspaceType(source.connection_type),
    enabled: source.enabled,
    organization: null,
    status: workspaceStatus(source),
    statusText: present(source.status_text) ?? null,
  });
}
