import type { Email } from '../types/email';
import { present } from './text';

export function toEmails(email?: string): Email[] {
  const address = present(email);
  return address ? [{ email: address, type: 'work', isPrimary: true }] : [];
}
