import { registerEnumType } from 'type-graphql';

export enum MfaStatus {
  ENABLED = 'ENABLED',
  DISABLED = 'DISABLED',
  UNINITIALIZED = 'UNINITIALIZED',
}

registerEnumType(MfaStatus, {
  name: 'MfaStatus',
  description: "The user's multi-factor authentication in PrivX.",
  valuesConfig: {
    ENABLED: { description: 'Set up and required.' },
    DISABLED: { description: 'Turned off for this user.' },
    UNINITIALIZED: { description: 'Required, but the user has not set it up yet.' },
  },
});
