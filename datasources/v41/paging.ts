import pMap from 'p-map';
import type { V41List } from './models';

/** The page size of docs/upstream-v41.md#lists-and-paging: the largest documented, asked for on every list call. */
export const PAGE_SIZE = 1000;
const PAGE_CONCURRENCY = 4;

export type PageFetcher<T> = (offset: number, limit: number) => Promise<V41List<T>>;

/**
 * Every item of a paged list. Pages by `count`, never by a short page: a server may clamp `limit`. Once the
 * first page shows the real page length, the remaining pages are fetched a few at a time. Items are
 * de-duplicated by id, as a list that changes while it is read can shift an item across a page boundary.
 * `firstPage`, when the caller already read it, is not read again.
 */
export async function fetchAllPages<T extends { id: string }>(
  fetchPage: PageFetcher<T>,
  pageSize = PAGE_SIZE,
  firstPage?: V41List<T>,
): Promise<V41List<T>> {
  const first = firstPage ?? (await fetchPage(0, pageSize));
  const byId = new Map<string, T>();
  const add = (items: T[]) => items.forEach((item) => byId.has(item.id) || byId.set(item.id, item));
  add(first.items);
  const step = first.items.length;
  if (step === 0 || step >= first.count) return { count: first.count, items: [...byId.values()] };

  const offsets: number[] = [];
  for (let offset = step; offset < first.count; offset += step) offsets.push(offset);
  const pages = await pMap(offsets, (offset) => fetchPage(offset, pageSize), { concurrency: PAGE_CONCURRENCY });
  pages.forEach((page) => add(page.items));

  // A server that clamped harder on later pages leaves a gap: walk on from the end, one page at a time.
  let offset = step + pages.reduce((sum, page) => sum + page.items.length, 0);
  let count = pages.at(-1)?.count ?? first.count;
  while (offset < count) {
    const page = await fetchPage(offset, pageSize);
    if (page.items.length === 0) break;
    add(page.items);
    offset += page.items.length;
    count = page.count;
  }
  return { count: first.count, items: [...byId.values()] };
}
