/** What one operation may ask for, checked after validation and before any resolver or upstream call runs. */
export interface DemandLimits {
  /** The static cost estimate (`@cost` weights times `@listSize` sizes, as the Apollo Router computes it). */
  maxCost: number;
  /** Nesting of fields (fragments flattened). */
  maxDepth: number;
  /** Aliased fields in the operation. */
  maxAliases: number;
  /** Lexical tokens of the document; parsing stops there, so a huge document costs almost nothing. */
  maxTokens: number;
  /** Representations in one `_entities` request. */
  maxEntities: number;
}

/**
 * Every query of the README, docs, tests and benchmarks passes these, and so does a 100-user page with every
 * field (cost 14,511 with both `edges` and `nodes`); the abusive operations listed in docs/protection.md's
 * section do not.
 */
export const DEFAULT_DEMAND_LIMITS: Readonly<DemandLimits> = {
  maxCost: 20_000,
  maxDepth: 12,
  maxAliases: 30,
  maxTokens: 5_000,
  maxEntities: 500,
};
