import type { V41Source } from '../../datasources/v41/models';
import { Workspace } from '../types/workspace';
import { WorkspaceType } from '../types/workspace-type';
import { present } from './text';

const KNOWN_TYPES: ReadonlySet<string> = new Set(Object.values(WorkspaceType));

function workspaceType(connectionType?: string): WorkspaceType {
  const type = present(connectionType);
  return type && KNOWN_TYPES.has(type) ? (type as WorkspaceType) : WorkspaceType.OTHER;
}

export function toWorkspace(source: V41Source): Workspace {
  return Object.assign(new Workspace(), {
    id: source.id,
    name: present(source.name) ?? null,
    type: workspaceType(source.connection_type),
    enabled: source.enabled,
    organization: null,
  });
}
