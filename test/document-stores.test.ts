import { createHash } from 'node:crypto';
import { parse } from 'graphql';
import {
  ByteBoundedStore,
  createDocumentStores,
  DOCUMENT_BYTES_PER_SOURCE_CHARACTER,
  DOCUMENT_STORE_BYTES,
  documentBytes,
  PERSISTED_QUERY_STORE_BYTES,
  persistedQueryBytes,
} from '../src/document-stores';
import { startStack, type Stack } from './helpers/stack';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
/** A unique document of about 1,000 characters (its operation name makes it unique). */
const documentNumber = (i: number) => `query Persisted${i} { __typename }\n# ${'padding '.repeat(120)}`;

describe('the persisted-query and document stores are bounded by bytes', () => {
  it('the documented bounds: 16 MiB of persisted queries, 64 MiB of parsed documents', () => {
    expect(PERSISTED_QUERY_STORE_BYTES).toBe(16 * 1024 * 1024);
    expect(DOCUMENT_STORE_BYTES).toBe(64 * 1024 * 1024);
    expect(DOCUMENT_BYTES_PER_SOURCE_CHARACTER).toBe(150);
  });

  it('counts a query at its heap bytes: one byte a Latin-1 character, two for any other, plus the entry', () => {
    const key = `apq:${sha256('x')}`;
    expect(persistedQueryBytes('{ __typename }', key)).toBe(14 + 68 + 256);
    expect(persistedQueryBytes('{ __typename } # ☃', key)).toBe(2 * 18 + 68 + 256);
    const document = parse('{ __typename }');
    expect(documentBytes(document, 'k')).toBe(14 * 150 + 1 + 256);
  });

  it('the default persisted-query store, filled with 24 MiB of unique documents, holds at most 16 MiB', async () => {
    const { persistedQueries } = createDocumentStores();
    const count = 24_000;
    for (let i = 0; i < count; i += 1) {
      const query = documentNumber(i);
      await persistedQueries.set(`apq:${sha256(query)}`, query);
      expect(persistedQueries.bytes).toBeLessThanOrEqual(PERSISTED_QUERY_STORE_BYTES);
    }
    expect(persistedQueries.bytes).toBeGreaterThan(PERSISTED_QUERY_STORE_BYTES - 2_000);
    expect(persistedQueries.entries).toBeLessThan(count);
    // The least recently used went first; the newest stay.
    expect(await persistedQueries.get(`apq:${sha256(documentNumber(0))}`)).toBeUndefined();
    expect(await persistedQueries.get(`apq:${sha256(documentNumber(count - 1))}`)).toBe(documentNumber(count - 1));
  });

  it('a document store filled past its bound stays under it, by the estimate of each parsed document', async () => {
    const store = new ByteBoundedStore(2 * 2 ** 20, documentBytes);
    for (let i = 0; i < 100; i += 1) {
      await store.set(`doc:${i}`, parse(documentNumber(i)));
      expect(store.bytes).toBeLessThanOrEqual(2 * 2 ** 20);
    }
    // About 150 KB each: 13 fit in 2 MiB.
    expect(store.entries).toBe(Math.floor((2 * 2 ** 20) / documentBytes(parse(documentNumber(99)), 'doc:99')));
  });

  it('an entry larger than the whole bound is not kept; a ttl (seconds, as Apollo gives it) is honoured', async () => {
    const store = new ByteBoundedStore<string>(1_000, persistedQueryBytes);
    await store.set('big', 'x'.repeat(2_000));
    expect(await store.get('big')).toBeUndefined();
    const timed = new ByteBoundedStore<string>(10_000, persistedQueryBytes);
    await timed.set('k', 'v', { ttl: 1 });
    expect(await timed.get('k')).toBe('v');
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await timed.get('k')).toBeUndefined();
  });

  describe('through HTTP: automatic persisted queries past a small bound', () => {
    let stack: Stack;
    const bound = 64 * 1024;
    beforeAll(async () => {
      stack = await startStack({ documentStores: { persistedQueryBytes: bound, documentBytes: 2 * 2 ** 20 } });
    });
    afterAll(() => stack.close());

    const post = (body: object) =>
      fetch(stack.subgraph.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(
        async (response) => (await response.json()) as { data?: unknown; errors?: { extensions: { code: string } }[] },
      );
    const persisted = (hash: string) => ({ persistedQuery: { version: 1, sha256Hash: hash } });

    it('150 registrations of 1 KB each: the store holds at most 64 KiB, the oldest hash is gone, the newest answers', async () => {
      for (let i = 0; i < 150; i += 1) {
        const query = documentNumber(i);
        expect(await post({ query, extensions: persisted(sha256(query)) })).toEqual({ data: { __typename: 'Query' } });
      }
      const store = stack.subgraph.documentStores.persistedQueries;
      expect(store.bytes).toBeLessThanOrEqual(bound);
      expect(store.entries).toBeLessThan(150);
      expect((await post({ extensions: persisted(sha256(documentNumber(0))) })).errors?.[0]?.extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
      expect(await post({ extensions: persisted(sha256(documentNumber(149))) })).toEqual({ data: { __typename: 'Query' } });
      expect(stack.subgraph.documentStores.documents.bytes).toBeLessThanOrEqual(2 * 2 ** 20);
    });
  });
});
