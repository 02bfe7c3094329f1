import { connectionOf } from '../../src/entities/shared/paging.rules';
import { decodeCursor } from '../../src/entities/mapping';

describe('connectionOf', () => {
  it('edges carry each node at its position, built once when first read; endCursor is the last edge', () => {
    const page = connectionOf(['a', 'b', 'c'], 10, 40, true);
    const edges = page.edges;
    expect(page.edges).toBe(edges);
    expect(edges.map((edge) => [decodeCursor(edge.cursor), edge.node])).toEqual([
      [10, 'a'],
      [11, 'b'],
      [12, 'c'],
    ]);
    expect(page.pageInfo).toEqual({ hasNextPage: true, endCursor: edges[2]!.cursor });
    expect(page.totalCount).toBe(40);
  });

  it('an empty page has no end cursor', () => {
    const page = connectionOf([], 5, 5, false);
    expect(page.edges).toEqual([]);
    expect(page.pageInfo).toEqual({ hasNextPage: false, endCursor: null });
  });
});
