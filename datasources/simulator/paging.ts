import { badRequest } from './http-io';

/** Paging and sorting query parameters, as the v41 list endpoints take them. */

export const DEFAULT_LIMIT = 50;
/**
 * The documented largest page (roles: docs/upstream-v41.md#lists-and-paging); the simulator clamps every list to
 * it, as a real server may.
 */
export const MAX_LIMIT = 1000;

export interface PageParams {
  offset: number;
  limit: number;
}

export interface SortParams<K extends string> {
  key: K | undefined;
  descending: boolean;
}

function nonNegativeInteger(query: URLSearchParams, name: string, fallback: number): number {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw badRequest(`${name} must be a non-negative integer, got ${JSON.stringify(raw)}`, name);
  return Number(raw);
}

export function pageParams(query: URLSearchParams): PageParams {
  return {
    offset: nonNegativeInteger(query, 'offset', 0),
    limit: Math.min(nonNegativeInteger(query, 'limit', DEFAULT_LIMIT), MAX_LIMIT),
  };
}

/** `sortkey` must be one the endpoint knows; `sortdir` is ASC (default) or DESC, in any case. */
export function sortParams<K extends string>(query: URLSearchParams, keys: readonly K[]): SortParams<K> {
  const key = query.get('sortkey') || undefined;
  if (key !== undefined && !(keys as readonly string[]).includes(key)) {
    throw badRequest(`sortkey must be one of ${keys.join(', ')}, got ${JSON.stringify(key)}`, 'sortkey');
  }
  const dir = (query.get('sortdir') || 'ASC').toUpperCase();
  if (dir !== 'ASC' && dir !== 'DESC') throw badRequest(`sortdir must be ASC or DESC, got ${JSON.stringify(dir)}`, 'sortdir');
  return { key: key as K | undefined, descending: dir === 'DESC' };
}

/**
 * One page of a list held in ascending order. DESC reads the same list from its end, so one cached ascending
 * order serves both directions (ties, broken by id, reverse with it).
 */
export function slicePage<T>(ascending: readonly T[], page: PageParams, descending: boolean): T[] {
  if (!descending) return ascending.slice(page.offset, page.offset + page.limit);
  const end = Math.max(ascending.length - page.offset, 0);
  const start = Math.max(end - page.limit, 0);
  return ascending.slice(start, end).reverse();
}
