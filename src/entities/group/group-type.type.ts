import { registerEnumType } from 'type-graphql';

export enum GroupType {
  DEPARTMENT = 'DEPARTMENT',
  TAG = 'TAG',
}

registerEnumType(GroupType, {
  name: 'GroupType',
  description: 'What a group is derived from on the user record.',
  valuesConfig: {
    DEPARTMENT: { description: "The user's department, within the user's company." },
    TAG: { description: 'A tag attached to the user.' },
  },
});
