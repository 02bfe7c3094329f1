import type { IdentityUpstream } from './identity-upstream';
import type { UpstreamCatalog } from './upstream-catalog';

// The seam's own types live in identity-upstream.ts, which the catalog imports too: no import cycle.
export type { IdentityUpstream, IdentityWriter, LocalUserRecord, LocalUserWriter, PageRequest, RoleHandle, UserSearch, UserSort } from './identity-upstream';

/** The long-lived part behind every request: one upstream client, one shared cache over it. */
export interface Upstream {
  client: IdentityUpstream;
  catalog: UpstreamCatalog;
}
