import { request as undiciRequest, type Dispatcher } from 'undici';
import { reportRetry, reportUpstreamCall } from '../telemetry';
import { errorFromResponse, V41Error, V41ErrorBody, V41NoAnswerError, V41UnavailableError } from './errors';
import { currentRequestScope } from './request-scope';
import { DEFAULT_RESILIENCE, UpstreamResilience, type ResilienceOptions } from './resilience';
import { jsonText } from './json-text';
import { parseWithoutSecrets } from './secrets';
import { TokenManager, type V41Connection } from './token-manager';

export interface RequestOptions {
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  /**
   * Retry on the resilience policy's conditions (default). `false` for a call that is not idempotent (a
   * create): it is sent once, as a second try could apply it twice after the first reached PrivX.
   */
  retry?: boolean;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface V41HttpOptions extends V41Connection {
  /** Retries, breaker and concurrency cap; the defaults unless given. */
  resilience?: Partial<ResilienceOptions>;
}

/** undici's codes for a connection that never opened: nothing was sent. */
const NOT_CONNECTED = new Set(['ECONNREFUSED', 'UND_ERR_CONNECT_TIMEOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * One answer of PrivX, from undici's `request` rather than `fetch`: the same connection pool code without the
 * WHATWG streams and objects around it, which cost 0.3 ms of CPU more per call, and more on a 100 KB body.
 */
type Answer = Dispatcher.ResponseData & { status: number };

/** `Retry-After` in milliseconds (delta-seconds or an HTTP date), when the answer carries one. */
function retryAfterMs(response: Answer): number | undefined {
  const given = response.headers['retry-after'];
  const header = Array.isArray(given) ? given[0] : given;
  if (header === undefined) return undefined;
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - Date.now();
  return Number.isFinite(ms) ? Math.max(0, ms) : undefined;
}

/**
 * One authenticated JSON request to PrivX: bearer token, a timeout on every try, one re-token on 401, PrivX
 * error bodies turned into typed errors, and `UpstreamResilience` around it all (retries, breaker, cap,
 * deadline, budget). Bodies are parsed with secrets removed, so nothing returned from here carries them.
 */
export class V41Http {
  readonly tokens: TokenManager;
  readonly resilience: UpstreamResilience;

  constructor(private readonly options: V41HttpOptions) {
    this.tokens = new TokenManager(options);
    this.resilience = new UpstreamResilience({ ...DEFAULT_RESILIENCE, ...options.resilience });
  }

  request(method: HttpMethod, path: string, options: RequestOptions = {}): Promise<unknown> {
    const operation = `${method} ${path}`;
    if (options.retry === false) return this.resilience.executeOnce(operation, (deadline) => this.attempt(method, path, options, operation, deadline));
    let tries = 0;
    let previous: unknown;
    return this.resilience.execute(operation, async (deadline) => {
      if (tries++ > 0) reportRetry(method, path, previous instanceof V41Error && previous.retryAfterMs !== undefined ? 'retry-after' : 'backoff');
      try {
        return await this.attempt(method, path, options, operation, deadline);
      } catch (error) {
        previous = error;
        throw error;
      }
    });
  }

  /** A token and one unretried call: does PrivX answer right now? */
  probe(path: string): Promise<unknown> {
    const operation = `GET ${path}`;
    return this.resilience.once(operation, () => this.attempt('GET', path, {}, operation, undefined));
  }

  private async attempt(method: HttpMethod, path: string, options: RequestOptions, operation: string, deadline: AbortSignal | undefined): Promise<unknown> {
    const url = this.url(path, options.query);
    let token = await this.tokens.accessToken();
    let response = await this.send(method, path, url, token, options.body, operation, deadline);
    if (response.status === 401) {
      await response.body.dump();
      token = await this.tokens.renewAfterRejection(token);
      reportRetry(method, path, 'token-renewal');
      response = await this.send(method, path, url, token, options.body, operation, deadline);
    }
    const text = await this.readText(response, operation);
    if (response.status < 200 || response.status > 299) throw errorFromResponse(operation, response.status, this.errorBody(text), retryAfterMs(response));
    // A PUT or DELETE may answer 200/204 with no body at all.
    if ((method === 'PUT' || method === 'DELETE') && text.trim() === '') return undefined;
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

  private async send(method: HttpMethod, path: string, url: string, token: string, body: unknown, operation: string, deadline: AbortSignal | undefined): Promise<Answer> {
    const headers = { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) };
    const timeout = AbortSignal.timeout(this.options.timeoutMs);
    try {
      return await reportUpstreamCall(method, path, headers, async (traced) => {
        const response = await undiciRequest(url, {
          method,
          // The token is added after reporting, so no subscriber ever sees it.
          headers: { ...traced, authorization: `Bearer ${token}` },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: deadline ? AbortSignal.any([timeout, deadline]) : timeout,
        });
        return Object.assign(response, { status: response.statusCode });
      });
    } catch (error) {
      const scope = currentRequestScope();
      if (deadline?.aborted && scope) throw scope.deadlineError(operation);
      // Never the fetch error's own text: it may quote the URL, and the URL is configuration.
      const refused = NOT_CONNECTED.has((error as { code?: string } | undefined)?.code ?? '');
      const reason = timeout.aborted ? `timed out after ${this.options.timeoutMs} ms` : refused ? 'could not connect' : 'the connection failed';
      // A write that failed this way may still have been applied, unless the connection never opened.
      throw new V41NoAnswerError(`PrivX ${operation} failed: ${reason}`, undefined, undefined, operation, undefined, !refused);
    }
  }

  /** The body as one buffer, as text for `JSON.parse` (see `jsonText`: no whole-body UTF-8 decode). */
  private async readText(response: Answer, operation: string): Promise<string> {
    try {
      return jsonText(new Uint8Array(await response.body.arrayBuffer()));
    } catch {
      throw new V41UnavailableError(`PrivX ${operation} failed while reading the answer`, response.status, undefined, operation);
    }
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
