import type { Context } from '../src/context';
import { isUuid, toUser } from '../src/mapping';
import type { User } from '../src/types';

/** `_entities` for User: every representation of one request shares the batched user loader. */
export async function resolveUserReference(reference: { id: string }, { loaders }: Context): Promise<User | null> {
  if (!isUuid(reference.id)) return null;
  const record = await loaders.userById.load(reference.id);
  return record && toUser(record);
}
