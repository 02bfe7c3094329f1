/**
 * The router-facing cost metadata, written once (see docs/federation.md). A connection holds `first` items;
 * a field that runs its own upstream search per parent weighs 10, one read through a request-wide loader 2.
 */
export const PAGED_CONNECTION = '@listSize(slicingArguments: ["first"], sizedFields: ["edges", "nodes"], requireOneSlicingArgument: false)';
export const UPSTREAM_SEARCH_COST = '@cost(weight: 10)';
export const BATCHED_READ_COST = '@cost(weight: 2)';
