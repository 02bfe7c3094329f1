import { registerEnumType } from 'type-graphql';

export enum GrantType {
  PERMANENT = 'PERMANENT',
  FLOATING = 'FLOATING',
  TIME_RESTRICTED = 'TIME_RESTRICTED',
}

registerEnumType(GrantType, {
  name: 'GrantType',
  description: 'How long a role is granted to a user.',
  valuesConfig: {
    PERMANENT: { description: 'Granted until it is revoked.' },
    FLOATING: { description: 'Granted for a number of hours from its first use.' },
    TIME_RESTRICTED: { description: 'Granted between `grantStart` and `grantEnd` only.' },
  },
});
