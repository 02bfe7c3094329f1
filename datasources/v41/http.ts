import { reportRetry, reportUpstreamCall } from '../telemetry';
import { errorFromResponse, V41Error, V41ErrorBody, V41UnavailableError } from './errors';
import { parseWithoutSecrets } from './secrets';
import { TokenManager, type V41Connection } from './token-manager';

export interface RequestOptions {
  query?: Record<string, string | number | undefined>;
  body?: unknown;
}

export interface V41HttpOptions extends V41Connection {
  /** A `Retry-After` longer than this is not waited for: the caller gets the 503 as a field error instead. */
  maxRetryAfterMs?: number;
}

/**
 * One authenticated JSON request to PrivX: bearer token, a timeout on every call, one re-token and retry on
 * 401, one retry after a short `Retry-After`, PrivX error bodies turned into typed errors. Bodies are parsed
 * with secrets removed, so nothing returned from here carries them.
 */
export class V41Http {
  readonly tokens: TokenManager;
  private readonly maxRetryAfterMs: number;

  constructor(private readonly options: V41HttpOptions) {
    this.tokens = new TokenManager(options);
    this.maxRetryAfterMs = options.maxRetryAfterMs ?? 2_000;
  }

  async request(method: 'GET' | 'POST', path: string, options: RequestOptions = {}): Promise<unknown> {
    const operation = `${method} ${path}`;
    const url = this.url(path, options.query);
    let token = await this.tokens.accessToken();
    let response = await this.send(method, path, url, token, options.body, operation);
    if (response.status === 401) {
      await response.body?.cancel();
      token = await this.tokens.renewAfterRejection(token);
      reportRetry(method, path, 'token-renewal');
      response = await this.send(method, path, url, token, options.body, operation);
    }
    const retryAfterMs = this.retryAfterMs(response);
    if (retryAfterMs !== undefined) {
      await response.body?.cancel();
      await new Promise((resolve) => setTimeout(resolve, retryAfterMs));
      reportRetry(method, path, 'retry-after');
      response = await this.send(method, path, url, token, options.body, operation);
    }
    const text = await this.readText(response, operation);
    if (!response.ok) throw errorFromResponse(operation, response.status, this.errorBody(text));
    try {
      return parseWithoutSecrets(text);
    } catch {
      throw new V41Error(`PrivX ${operation} returned a body that is not JSON`, response.status, undefined, operation);
    }
  }

  private url(path: string, query: RequestOptions['query']): string {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined) params.set(key, String(value));
    }
    const search = params.toString();
    return `${this.options.baseUrl}${path}${search ? `?${search}` : ''}`;
  }

  private async send(method: string, path: string, url: string, token: string, body: unknown, operation: string): Promise<Response> {
    const headers = { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) };
    try {
      return await reportUpstreamCall(method, path, headers, (traced) =>
        fetch(url, {
          method,
          // The token is added after reporting, so no subscriber ever sees it.
          headers: { ...traced, authorization: `Bearer ${token}` },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(this.options.timeoutMs),
        }),
      );
    } catch (error) {
      const reason = (error as Error).name === 'TimeoutError' ? `timed out after ${this.options.timeoutMs} ms` : (error as Error).message;
      throw new V41UnavailableError(`PrivX ${operation} failed: ${reason}`, undefined, undefined, operation);
    }
  }

  private async readText(response: Response, operation: string): Promise<string> {
    try {
      return await response.text();
    } catch (error) {
      throw new V41UnavailableError(`PrivX ${operation} failed while reading: ${(error as Error).message}`, response.status, undefined, operation);
    }
  }

  /** Overload answers (503, 429) may say when to come back; a short wait is cheaper than a failed field. */
  private retryAfterMs(response: Response): number | undefined {
    if (response.status !== 503 && response.status !== 429) return undefined;
    const header = response.headers.get('retry-after');
    if (header === null) return undefined;
    const seconds = Number(header);
    const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - Date.now();
    if (!Number.isFinite(ms)) return undefined;
    const wait = Math.max(0, ms);
    return wait <= this.maxRetryAfterMs ? wait : undefined;
  }

  private errorBody(text: string): V41ErrorBody | undefined {
    try {
      const body = parseWithoutSecrets(text);
      return body !== null && typeof body === 'object' ? (body as V41ErrorBody) : undefined;
    } catch {
      return undefined;
    }
  }
}
