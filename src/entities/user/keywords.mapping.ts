import type { V41RoleStoreUser } from '../../../datasources/v41/models';
import { present } from '../shared/text.mapping';

/**
 * The upstream's documented `keywords` semantics (docs/upstream-v41.md#keyword-search), applied on the client
 * because the server's real field set is undocumented: every word must occur, case-insensitively, in at least
 * one of these fields.
 */
export function matchesKeywords(rs: V41RoleStoreUser, keywords?: string | null): boolean {
  const words = present(keywords)?.toLowerCase().split(/\s+/) ?? [];
  if (words.length === 0) return true;
  const fields = [rs.principal, rs.full_name, rs.first_name, rs.last_name, rs.email, rs.company, rs.department, rs.job_title]
    .filter((field) => field !== undefined)
    .map((field) => field.toLowerCase());
  return words.every((word) => fields.some((field) => field.includes(word)));
}
