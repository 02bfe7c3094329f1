import type { Email } from './email.type';
import { present } from '../shared/text.mapping';

export function toEmails(email?: string): Email[] {
  const address = present(email);
  return address ? [{ email: address, type: 'work', isPrimary: true }] : [];
}
