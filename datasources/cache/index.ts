export type { LoadOptions, SharedCache } from './shared-cache';
export { NoCache } from './shared-cache';
export { MemoryCache, createSharedCache } from './memory-cache';
