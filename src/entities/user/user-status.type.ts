import { registerEnumType } from 'type-graphql';

export enum UserStatus {
  ACTIVE = 'ACTIVE',
  INACTIVE = 'INACTIVE',
  DELETED = 'DELETED',
  INVITED = 'INVITED',
}

registerEnumType(UserStatus, {
  name: 'UserStatus',
  description: 'Whether a user can work. PrivX has no user status flag; `User.rawStatus` names the signal it came from.',
  valuesConfig: {
    ACTIVE: { description: 'The user can sign in: the directory is enabled and nothing is pending.' },
    INACTIVE: { description: 'The user cannot sign in because their directory (workspace) is disabled.' },
    DELETED: {
      description: 'Never produced by this subgraph (deleted PrivX users disappear); kept for clients that share the enum.',
    },
    INVITED: { description: 'A local user who must set a password before the first sign-in.' },
  },
});
