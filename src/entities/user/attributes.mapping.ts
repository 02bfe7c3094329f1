import type { V41Attribute } from '../../../datasources/v41/models';
import type { Url } from './url.type';
import { present } from '../shared/text.mapping';

export function attributeValue(attributes: readonly V41Attribute[], key: string): string | null {
  for (const attribute of attributes) {
    const value = attribute.key === key ? present(attribute.value) : undefined;
    if (value) return value;
  }
  return null;
}

export function isWebUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** The avatar has a field of its own, so it is not repeated among the URLs. */
export function attributeUrls(attributes: readonly V41Attribute[]): Url[] {
  return attributes.flatMap(({ key, value }) => {
    const url = present(value);
    return key !== 'avatar' && url && isWebUrl(url) ? [{ url, type: key }] : [];
  });
}

/**
 * The attributes with `key` set to `value` (the first entry of that key takes it, in place; later duplicates go)
 * or, for `null`, with every entry of that key removed. Every other attribute is kept as it was, in order.
 */
export function withAttribute(attributes: readonly V41Attribute[], key: string, value: string | null): V41Attribute[] {
  const kept: V41Attribute[] = [];
  let placed = false;
  for (const attribute of attributes) {
    if (attribute.key !== key) kept.push(attribute);
    else if (value !== null && !placed) {
      kept.push({ key, value });
      placed = true;
    }
  }
  if (value !== null && !placed) kept.push({ key, value });
  return kept;
}
