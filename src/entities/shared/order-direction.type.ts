import { registerEnumType } from 'type-graphql';

export enum OrderDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}

registerEnumType(OrderDirection, {
  name: 'OrderDirection',
  description: 'The direction of a sort.',
  valuesConfig: {
    ASC: { description: 'Ascending: smallest first.' },
    DESC: { description: 'Descending: largest first.' },
  },
});
