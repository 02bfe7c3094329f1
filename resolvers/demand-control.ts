/**
 * The router-facing cost metadata, written once (see docs/federation.md). A connection holds `first` items;
 * a field that runs its own upstream search per parent weighs 10, one read through a request-wide loader 2.
 */
export const PAGED_CONNECTION = '@listSize(slicingArguments: ["first"], sizedFields: ["edges", "nodes"], requireOneSlicingArgument: false)';
export const UPSTREAM_SEARCH_COST = '@cost(weight: 10)';
export const BATCHED_READ_COST = '@cost(weight: 2)';
/**
 * A mutation reads the user's roles twice, writes once and reads back (4 PrivX calls, one a write), on top of
 * the 10 every mutation adds; a bulk revoke does that for each user it touches.
 */
export const MUTATION_COST = '@cost(weight: 20)';
export const BULK_MUTATION_COST = '@cost(weight: 200)';
