export type { LoadOptions, SharedCache } from './shared-cache';
export { NoCache } from './shared-cache';
export { MemoryCache } from './memory-cache';
export { RedisCache, type RedisCacheOptions } from './redis-cache';
export { createSharedCache, type SharedCacheOptions } from './create-shared-cache';
export { MemoryKeyValueStore, type KeyValueStore } from './key-value-store';
