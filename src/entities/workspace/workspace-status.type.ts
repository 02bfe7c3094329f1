import { registerEnumType } from 'type-graphql';

export enum WorkspaceStatus {
  OK = 'OK',
  WARNING = 'WARNING',
  FAILED = 'FAILED',
  DISABLED = 'DISABLED',
}

registerEnumType(WorkspaceStatus, {
  name: 'WorkspaceStatus',
  description: 'The health of a user directory, from its `enabled` flag and `status_code`.',
  valuesConfig: {
    OK: { description: 'Enabled, and its last synchronisation succeeded (`status_code` OK).' },
    WARNING: { description: 'Enabled, with a status code other than OK that does not say it failed (e.g. DEGRADED).' },
    FAILED: { description: 'Enabled, with a status code that says it failed or erred (e.g. SYNC_FAILED).' },
    DISABLED: { description: 'Turned off (`enabled: false`): its users are INACTIVE.' },
  },
});
