import { type RunningSimulator, SIMULATOR_CREDENTIALS } from '../../datasources/simulator/server';

/** A bare HTTP client for the simulator tests: real requests, nothing of the project's v41 client. */

export interface SimResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export interface ListBody<T = Record<string, unknown>> {
  count: number;
  items: T[];
}

export type Json = Record<string, unknown>;

export function basic(id: string, secret: string): string {
  return `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
}

export async function requestToken(
  sim: RunningSimulator,
  form: Record<string, string>,
  authorization = basic(SIMULATOR_CREDENTIALS.oauthClientId, SIMULATOR_CREDENTIALS.oauthClientSecret),
): Promise<SimResponse<Json>> {
  const response = await fetch(`${sim.url}/auth/api/v1/oauth/token`, {
    method: 'POST',
    headers: { authorization, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
  return { status: response.status, body: (await response.json()) as Json, headers: response.headers };
}

export async function accessToken(sim: RunningSimulator): Promise<string> {
  const { body } = await requestToken(sim, {
    grant_type: 'password',
    username: SIMULATOR_CREDENTIALS.apiClientId,
    password: SIMULATOR_CREDENTIALS.apiClientSecret,
  });
  return body.access_token as string;
}

export async function call<T = unknown>(
  sim: RunningSimulator,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; rawBody?: string } = {},
): Promise<SimResponse<T>> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${sim.url}${path}`, { method, headers, body });
  const text = await response.text();
  return { status: response.status, body: (text === '' ? undefined : JSON.parse(text)) as T, headers: response.headers };
}

/** `call` with a fresh token, for tests about data rather than auth. */
export function authed(sim: RunningSimulator, token: string) {
  return {
    get: <T = unknown>(path: string) => call<T>(sim, 'GET', path, { token }),
    post: <T = unknown>(path: string, body: unknown) => call<T>(sim, 'POST', path, { token, body }),
  };
}
