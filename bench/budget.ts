import { membershipPages, PAGE_SIZE } from '../src';
import type { SimulatorClient } from './simulator';

/**
 * The upstream call budget (docs/architecture.md#what-a-query-costs-upstream) for one query over N users, cold (empty cache): 2 + min(N, P) + L, where
 * P = 1 + the pages of every role's member list (the role list plus the inversion) and L = the pages of the
 * local-user list. Warm (cache filled): at most 2.
 */
export interface BudgetTerms {
  p: number;
  l: number;
  roles: number;
  localUsers: number;
}

export const WARM_BUDGET = 2;

/** P and L from the simulator's own data, read over its HTTP API. */
export async function budgetTerms(simulator: SimulatorClient): Promise<BudgetTerms> {
  const [roles, localUsers] = await Promise.all([simulator.roles(), simulator.localUserCount()]);
  const p = 1 + membershipPages(roles);
  return { p, l: Math.ceil(localUsers / PAGE_SIZE), roles: roles.length, localUsers };
}

export function coldBudget(terms: BudgetTerms, n: number): number {
  return 2 + Math.min(n, terms.p) + terms.l;
}
