import { registerEnumType } from 'type-graphql';

export enum UserOrderField {
  CREATED_AT = 'CREATED_AT',
  UPDATED_AT = 'UPDATED_AT',
  USERNAME = 'USERNAME',
  NAME = 'NAME',
  EMAIL = 'EMAIL',
}

registerEnumType(UserOrderField, {
  name: 'UserOrderField',
  description: 'The field users are sorted by.',
  valuesConfig: {
    CREATED_AT: { description: 'When the user was created.' },
    UPDATED_AT: { description: 'When the user was last updated.' },
    USERNAME: { description: 'The username.' },
    NAME: { description: 'The full name.' },
    EMAIL: { description: 'The email address.' },
  },
});
