import type { DocumentNode } from 'graphql';
import { LRUCache } from 'lru-cache';

/**
 * The two stores Apollo Server keeps documents in, bounded by the memory their entries hold rather than by a
 * count or by Apollo's defaults (30 MiB each, counted in characters of the query and in bytes of the parsed
 * document's JSON: a parsed document takes about four times its JSON in the heap, tokens and locations
 * included). 6,000 unique persisted documents grew a process by 280 MB with the defaults (docs/limits.md).
 *
 * - the persisted-query (APQ) store: sha256 hash → query text, for clients that send only the hash;
 * - the document store: query hash → parsed and validated document, so a document seen again is not parsed and
 *   validated again (and keeps its graphql-jit compilation, which lives as long as its document).
 */

/** Persisted-query texts kept, in bytes of heap. */
export const PERSISTED_QUERY_STORE_BYTES = 16 * 2 ** 20;
/** Parsed documents kept, in estimated bytes of heap. */
export const DOCUMENT_STORE_BYTES = 64 * 2 ** 20;

/** Per entry beyond its text: the key (`apq:` + 64 hex digits), the LRU's slots, the string headers. */
const ENTRY_OVERHEAD_BYTES = 256;
/**
 * Heap a parsed document takes per character of its source, rounded up: measured 65 (a 690-character
 * document of every User field) to 146 (`{ __typename }`) with graphql 16, its token list and locations
 * included, so the estimate errs on the large side.
 */
export const DOCUMENT_BYTES_PER_SOURCE_CHARACTER = 150;

/** V8 keeps a string of Latin-1 characters at one byte each, any other at two. */
function stringBytes(text: string): number {
  // eslint-disable-next-line no-control-regex
  return /[^\u0000-\u00ff]/.test(text) ? 2 * text.length : text.length;
}

export function persistedQueryBytes(query: string, key: string): number {
  return stringBytes(query) + stringBytes(key) + ENTRY_OVERHEAD_BYTES;
}

/** From the document's source length (its `loc`), not a walk of the tree: sizing must cost far less than parsing. */
export function documentBytes(document: DocumentNode, key: string): number {
  const sourceLength = document.loc?.source.body.length ?? JSON.stringify(document).length;
  return sourceLength * DOCUMENT_BYTES_PER_SOURCE_CHARACTER + stringBytes(key) + ENTRY_OVERHEAD_BYTES;
}

/**
 * Apollo's `KeyValueCache` over lru-cache with a `maxSize` in bytes: the least recently used entries go first
 * once the sizes of the entries add up past it; an entry larger than the whole bound is not kept at all.
 */
export class ByteBoundedStore<V extends object | string> {
  private readonly lru: LRUCache<string, V>;

  constructor(
    readonly maxBytes: number,
    sizeOf: (value: V, key: string) => number,
  ) {
    this.lru = new LRUCache<string, V>({ maxSize: maxBytes, sizeCalculation: (value, key) => Math.max(1, Math.ceil(sizeOf(value, key))) });
  }

  /** The bytes its entries are counted at now: never above `maxBytes`. */
  get bytes(): number {
    return this.lru.calculatedSize;
  }

  get entries(): number {
    return this.lru.size;
  }

  async get(key: string): Promise<V | undefined> {
    return this.lru.get(key);
  }

  /** `ttl` in seconds, as Apollo passes it (APQ's `persistedQueries.ttl`). */
  async set(key: string, value: V, options?: { ttl?: number | null }): Promise<void> {
    this.lru.set(key, value, options?.ttl ? { ttl: options.ttl * 1000 } : undefined);
  }

  async delete(key: string): Promise<boolean> {
    return this.lru.delete(key);
  }
}

export interface DocumentStoreBounds {
  persistedQueryBytes: number;
  documentBytes: number;
}

export const DEFAULT_DOCUMENT_STORE_BOUNDS: Readonly<DocumentStoreBounds> = { persistedQueryBytes: PERSISTED_QUERY_STORE_BYTES, documentBytes: DOCUMENT_STORE_BYTES };

export function createDocumentStores(bounds: DocumentStoreBounds = DEFAULT_DOCUMENT_STORE_BOUNDS): {
  persistedQueries: ByteBoundedStore<string>;
  documents: ByteBoundedStore<DocumentNode>;
} {
  return {
    persistedQueries: new ByteBoundedStore<string>(bounds.persistedQueryBytes, persistedQueryBytes),
    documents: new ByteBoundedStore<DocumentNode>(bounds.documentBytes, documentBytes),
  };
}
