import { Field, InputType } from 'type-graphql';
import { OrderDirection } from './order-direction';
import { UserOrderField } from './user-order-field';

@InputType({ description: 'How users are sorted.' })
export class UserOrder {
  @Field(() => UserOrderField, { description: 'The field to sort by.' })
  field!: UserOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: 'The direction; ascending unless given.' })
  direction!: OrderDirection;
}
