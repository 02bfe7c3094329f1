import type { Phone } from './phone.type';
import { present } from '../shared/text.mapping';

// x123, x 123, ext123, ext 123, ext. 123, extension 123, ;ext=123 at the very end, after an optional comma or space.
const EXTENSION = /[\s,]*(?:;\s*ext\s*=|extension|ext\.?|x)\s*(\d+)$/i;

export function toPhones(telephone?: string): Phone[] {
  const written = present(telephone);
  if (!written) return [];
  const match = EXTENSION.exec(written);
  const number = match ? written.slice(0, match.index).replace(/[\s,;]+$/, '') : '';
  // A "number" that is nothing but an extension is kept whole rather than emptied.
  if (!match || !number) return [{ number: written, extension: null, type: 'work' }];
  return [{ number, extension: match[1] ?? null, type: 'work' }];
}
