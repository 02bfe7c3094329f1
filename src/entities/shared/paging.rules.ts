import { decodeCursor, encodeCursor, MAX_CURSOR_LENGTH } from '../mapping';
import { badUserInput } from '../../errors';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './page-args.type';

export { MAX_PAGE_SIZE };

export interface Slice {
  offset: number;
  first: number;
}

/** `first`/`after` → a position in the whole list, or BAD_USER_INPUT before any upstream call. */
export function sliceOf(first: number | null | undefined, after: string | null | undefined): Slice {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE) {
    throw badUserInput(`first must be between 0 and ${MAX_PAGE_SIZE}, got ${size}`, 'first');
  }
  if (after === null || after === undefined) return { offset: 0, first: size };
  if (after.length > MAX_CURSOR_LENGTH) throw badUserInput(`after is longer than any cursor of this API (at most ${MAX_CURSOR_LENGTH} characters)`, 'after');
  const position = decodeCursor(after);
  if (position === null) throw badUserInput('after is not a cursor returned by this API', 'after');
  return { offset: position + 1, first: size };
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number | null;
}

/** `edges` is built when first read: most queries select `nodes` alone, and each edge is an object and a cursor. */
export function connectionOf<T>(nodes: T[], offset: number, totalCount: number, hasNextPage: boolean): Connection<T> {
  let edges: Connection<T>['edges'] | undefined;
  return {
    get edges() {
      return (edges ??= nodes.map((node, i) => ({ cursor: encodeCursor(offset + i), node })));
    },
    nodes,
    pageInfo: { hasNextPage, endCursor: nodes.length > 0 ? encodeCursor(offset + nodes.length - 1) : null },
    totalCount,
  };
}

/** A page of a list held in memory (roles, groups, organizations). */
export function connectionOfList<T>(all: T[], slice: Slice): Connection<T> {
  const nodes = all.slice(slice.offset, slice.offset + slice.first);
  return connectionOf(nodes, slice.offset, all.length, slice.offset + nodes.length < all.length);
}
