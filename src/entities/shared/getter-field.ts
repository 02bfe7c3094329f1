import { Field } from 'type-graphql';

/**
 * `@Field` for a getter that graphql-js reads like any property. TypeGraphQL takes a decorated accessor (a
 * member with a descriptor) for a field resolver and wraps it, converting the root and allocating per field
 * and object; registered without the descriptor, the field keeps graphql-js's default resolver, which reads
 * the getter. `test/integration/lazy-user-fields.test.ts` checks that such fields have no resolver of their own.
 */
export function GetterField(...args: Parameters<typeof Field>): MethodDecorator {
  const field = Field(...args);
  return (prototype, key) => field(prototype, key);
}
