import { Field, InputType } from 'type-graphql';
import { OrderDirection } from '../shared/order-direction.type';
import { UserOrderField } from './user-order-field.type';

@InputType({ description: 'How users are sorted.' })
export class UserOrder {
  @Field(() => UserOrderField, { description: 'The field to sort by.' })
  field!: UserOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: 'The direction; ascending unless given.' })
  direction!: OrderDirection;
}
