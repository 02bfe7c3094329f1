import { PAGE_SIZE } from '../src';
import { getJson } from './http';
import { type Child, startNode } from './processes';

/** The v41 simulator in its own process, and what the benchmarks read from it over HTTP. */

export const SIMULATOR_CREDENTIALS = {
  oauthClientId: 'privx-external',
  oauthClientSecret: 'simulator-oauth-secret',
  apiClientId: 'simulator-api-client',
  apiClientSecret: 'simulator-api-secret',
};

export interface SimulatorSettings {
  users: number;
  seed: number;
  latencyMs: number;
  /** Answer repeated reads from serialized bodies (SIM_PRECOMPUTED); off unless given. */
  simulatorPrecomputed?: boolean;
}

export interface CallStats {
  total: number;
  byRoute: Record<string, number>;
}

interface ListBody<T> {
  count: number;
  items: T[];
}

export interface SimUser {
  id: string;
  source?: string;
  source_type?: string;
  full_name?: string;
  roles?: unknown[] | null;
}

export interface SimRole {
  id: string;
  member_count?: number;
}

export async function startSimulatorProcess(settings: SimulatorSettings): Promise<SimulatorClient> {
  const child = await startNode(
    'dist/datasources/simulator/main.js',
    {
      SIM_HOST: '127.0.0.1',
      SIM_PORT: '0',
      SIM_USERS: String(settings.users),
      SIM_SEED: String(settings.seed),
      SIM_LATENCY_MS: String(settings.latencyMs),
      SIM_FAILURE_RATE: '0',
      // Longer than any run: a token renewal would only add noise.
      SIM_TOKEN_TTL_SECONDS: '7200',
      SIM_PRECOMPUTED: settings.simulatorPrecomputed ? '1' : '0',
    },
    /listening on (http:\/\/\S+)/,
  );
  return new SimulatorClient(child);
}

export class SimulatorClient {
  private token: Promise<string> | undefined;

  constructor(readonly child: Child) {}

  get url(): string {
    return this.child.url;
  }

  /**
   * What a subgraph process needs to reach this simulator. Its change poller is off: the bench counts the calls a
   * query makes on this simulator's one counter, and a poll in the background would be counted with them.
   */
  subgraphEnv(): Record<string, string> {
    return {
      CHANGES_POLL_SECONDS: '0',
      V41_BASE_URL: this.url,
      V41_OAUTH_CLIENT_ID: SIMULATOR_CREDENTIALS.oauthClientId,
      V41_OAUTH_CLIENT_SECRET: SIMULATOR_CREDENTIALS.oauthClientSecret,
      V41_API_CLIENT_ID: SIMULATOR_CREDENTIALS.apiClientId,
      V41_API_CLIENT_SECRET: SIMULATOR_CREDENTIALS.apiClientSecret,
    };
  }

  async resetCalls(): Promise<void> {
    const response = await fetch(`${this.url}/__reset`, { method: 'POST' });
    if (response.status !== 204) throw new Error(`POST /__reset: HTTP ${response.status}`);
  }

  calls(): Promise<CallStats> {
    return getJson<CallStats>(`${this.url}/__stats`);
  }

  /** A v41 data call with a bearer token from the auth endpoint. */
  async api<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    return JSON.parse(await this.apiText(method, path, body)) as T;
  }

  /** The same call's body as the server sent it (the floor measures parsing it). */
  async apiText(method: 'GET' | 'POST', path: string, body?: unknown): Promise<string> {
    const token = await (this.token ??= this.fetchToken());
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status}`);
    return response.text();
  }

  private async fetchToken(): Promise<string> {
    const { oauthClientId, oauthClientSecret, apiClientId, apiClientSecret } = SIMULATOR_CREDENTIALS;
    const response = await fetch(`${this.url}/auth/api/v1/oauth/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${oauthClientId}:${oauthClientSecret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ grant_type: 'password', username: apiClientId, password: apiClientSecret }).toString(),
    });
    if (!response.ok) throw new Error(`token request: HTTP ${response.status}`);
    return ((await response.json()) as { access_token: string }).access_token;
  }

  /** Every role (all pages), with `member_count`. */
  async roles(): Promise<SimRole[]> {
    const roles: SimRole[] = [];
    for (let count = Infinity; roles.length < count; ) {
      const page = await this.api<ListBody<SimRole>>('GET', `/role-store/api/v1/roles?offset=${roles.length}&limit=${PAGE_SIZE}`);
      count = page.count;
      if (page.items.length === 0) break;
      roles.push(...page.items);
    }
    return roles;
  }

  async localUserCount(): Promise<number> {
    return (await this.api<ListBody<unknown>>('GET', '/local-user-store/api/v1/users?limit=1')).count;
  }

  /** Users in the product's default order (username ascending). */
  async usersPage(offset: number, limit: number): Promise<SimUser[]> {
    return (JSON.parse(await this.usersPageText(offset, limit)) as ListBody<SimUser>).items;
  }

  /** The body of the search the product makes for `users(first: limit)`. */
  usersPageText(offset: number, limit: number): Promise<string> {
    return this.apiText('POST', `/role-store/api/v1/users/search?offset=${offset}&limit=${limit}&sortkey=principal&sortdir=ASC`, {});
  }

  /** The body of the search the product makes for a batch of users by id. */
  usersByIdsText(ids: string[]): Promise<string> {
    return this.apiText('POST', `/role-store/api/v1/users/search?offset=0&limit=${ids.length}&sortkey=principal&sortdir=ASC`, { user_id: ids });
  }

  user(id: string): Promise<SimUser> {
    return this.api<SimUser>('GET', `/role-store/api/v1/users/${id}`);
  }

  userText(id: string): Promise<string> {
    return this.apiText('GET', `/role-store/api/v1/users/${id}`);
  }
}
