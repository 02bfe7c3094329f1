import { present } from './text.mapping';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

export type GroupKeyType = 'DEPARTMENT' | 'TAG';

/** What a group id encodes. `company` is '' for tags and for departments of users without a company. */
export interface GroupKey {
  type: GroupKeyType;
  company: string;
  name: string;
}

/**
 * The longest company, department or tag name an id is decoded for, in UTF-16 code units: ids encode names,
 * so bounding the names bounds the ids, and a forged id of 600 KB is refused unread instead of decoded, cached
 * and echoed back. A name longer than this still gets an id in a list, but that id cannot be looked up.
 */
export const MAX_NAME_LENGTH = 512;

/** base64url (no padding) of `bytes` bytes; a UTF-16 code unit is at most 3 bytes of UTF-8 (an escape too). */
const encodedLength = (bytes: number) => Math.ceil((bytes * 4) / 3);

/** `org:` and one name. */
export const MAX_ORGANIZATION_ID_LENGTH = encodedLength('org:'.length + 3 * MAX_NAME_LENGTH);
/** `group:DEPARTMENT:`, a company, `:` and a name. */
export const MAX_GROUP_ID_LENGTH = encodedLength('group:DEPARTMENT::'.length + 2 * 3 * MAX_NAME_LENGTH);
/** `cursor:v1:` and an offset of up to 16 digits (any safe integer). */
export const MAX_CURSOR_LENGTH = encodedLength('cursor:v1:'.length + 16);

export function isUuid(s: string): boolean {
  return UUID.test(s);
}

/**
 * Encoded ids kept by text: a page of users repeats a few companies, departments and tags, and every page the
 * same cursors, while each encoding allocates a Buffer. Bounded, as decoding a caller's id encodes it too.
 */
const encoded = new Map<string, string>();
const MAX_ENCODED = 10_000;

function toBase64Url(text: string): string {
  let id = encoded.get(text);
  if (id === undefined) {
    if (encoded.size >= MAX_ENCODED) encoded.clear();
    id = Buffer.from(text, 'utf8').toString('base64url');
    encoded.set(text, id);
  }
  return id;
}

/**
 * Node's decoder skips characters it does not know and accepts padding and stray bits, so many strings decode
 * to the same text; only the one that re-encodes identically is accepted, which keeps one id per entity.
 */
function fromBase64Url(id: string, maxLength: number): string | null {
  if (id.length > maxLength || !BASE64URL.test(id)) return null;
  const text = Buffer.from(id, 'base64url').toString('utf8');
  return toBase64Url(text) === id ? text : null;
}

/** A name the mapping can produce: every name it reads goes through `present`, so it is trimmed and not blank. */
function isCanonicalName(name: string): boolean {
  return present(name) === name;
}

/**
 * Organization and group ids kept by their parts too: building the `org:…` / `group:…` text (escaped) for every
 * group of every user of a page, only to find its encoding in `encoded`, was 2-3 % of the nested page's CPU
 * (profile of 2026-12-07). Bounded like `encoded`.
 */
const organizationIds = new Map<string, string>();
const groupIds: Record<GroupKeyType, Map<string, Map<string, string>>> = { DEPARTMENT: new Map(), TAG: new Map() };
let groupIdCount = 0;

export function encodeOrganizationId(company: string): string {
  let id = organizationIds.get(company);
  if (id === undefined) {
    if (organizationIds.size >= MAX_ENCODED) organizationIds.clear();
    id = toBase64Url(`org:${company}`);
    organizationIds.set(company, id);
  }
  return id;
}

export function decodeOrganizationId(id: string): string | null {
  const text = fromBase64Url(id, MAX_ORGANIZATION_ID_LENGTH);
  if (!text?.startsWith('org:')) return null;
  const company = text.slice('org:'.length);
  return isCanonicalName(company) ? company : null;
}

// `:` separates the parts, so it is escaped inside them; `%` too, so that the escape itself stays reversible.
function escapePart(s: string): string {
  return s.replace(/%/g, '%25').replace(/:/g, '%3A');
}

function unescapePart(s: string): string {
  return s.replace(/%25|%3A/g, (m) => (m === '%25' ? '%' : ':'));
}

export function encodeGroupId({ type, company, name }: GroupKey): string {
  let byName = groupIds[type].get(company);
  let id = byName?.get(name);
  if (id !== undefined) return id;
  if (groupIdCount >= MAX_ENCODED) {
    groupIds.DEPARTMENT.clear();
    groupIds.TAG.clear();
    groupIdCount = 0;
    byName = undefined;
  }
  if (!byName) groupIds[type].set(company, (byName = new Map()));
  id = toBase64Url(`group:${type}:${escapePart(company)}:${escapePart(name)}`);
  byName.set(name, id);
  groupIdCount += 1;
  return id;
}

export function decodeGroupId(id: string): GroupKey | null {
  const parts = fromBase64Url(id, MAX_GROUP_ID_LENGTH)?.split(':');
  if (parts?.length !== 4) return null;
  const [prefix, type, rawCompany = '', rawName = ''] = parts;
  if (prefix !== 'group' || (type !== 'DEPARTMENT' && type !== 'TAG')) return null;
  const key: GroupKey = { type, company: unescapePart(rawCompany), name: unescapePart(rawName) };
  if (!isCanonicalName(key.name)) return null;
  if (key.company !== '' && (type === 'TAG' || !isCanonicalName(key.company))) return null;
  // Rejects escapes written any other way (`%3a`, `%41`), which would decode to a second id for one group.
  return encodeGroupId(key) === id ? key : null;
}

const CURSOR = /^cursor:v1:(0|[1-9][0-9]*)$/;

export function encodeCursor(offset: number): string {
  return toBase64Url(`cursor:v1:${offset}`);
}

export function decodeCursor(cursor: string): number | null {
  const digits = CURSOR.exec(fromBase64Url(cursor, MAX_CURSOR_LENGTH) ?? '')?.[1];
  if (digits === undefined) return null;
  const offset = Number(digits);
  return Number.isSafeInteger(offset) ? offset : null;
}
