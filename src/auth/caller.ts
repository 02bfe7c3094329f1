/**
 * Who is asking, as far as this subgraph can tell. A `verified` caller presented a JWT we checked ourselves,
 * so its scopes are enforced here. A `trusted` request came through the router (whose own enforcement is
 * trusted) or from a development client with access control off: scopes are not checked for it.
 */
export type Caller =
  | {
      kind: 'verified';
      subject: string | undefined;
      scopes: ReadonlySet<string>;
      /** The OAuth client the token was issued to (`client_id` or `azp`), for the audit line. */
      clientId?: string;
    }
  | {
      kind: 'trusted';
      /** `router`: it presented the router secret; absent: no access control is configured. */
      via?: 'router';
    };

export const TRUSTED: Caller = { kind: 'trusted' };
export const ROUTER: Caller = { kind: 'trusted', via: 'router' };

/** What the configuration asks of every GraphQL request; neither set means no access control (development). */
export interface AccessConfig {
  /** Verify `Authorization: Bearer <JWT>` against this key set; scopes are then enforced in the subgraph. */
  jwt?: JwtSettings;
  /** Refuse any request whose `router-authorization` header is not this secret. */
  routerSecret?: string;
}

export interface JwtSettings {
  jwksUrl: string;
  issuer: string;
  audience: string;
  /**
   * A token with an unknown `kid` re-reads the key set at most this often (default 30 s), so rotated keys are
   * picked up while random `kid`s cannot make us hammer the identity provider.
   */
  keyRefreshCooldownMs?: number;
}
