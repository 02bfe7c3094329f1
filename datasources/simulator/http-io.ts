import type { IncomingMessage, ServerResponse } from 'node:http';
import { isUuid } from './random';

/** What a route handler answers; the server writes it. */
export interface Reply {
  status: number;
  body?: unknown;
  /** A JSON body already serialized (precomputed mode): sent as it is. */
  raw?: Buffer;
  headers?: Record<string, string>;
}

/** PrivX's error body (every service but auth): `{error_code, error_message, property?, details?}`. */
export interface PrivxErrorBody {
  error_code: string;
  error_message: string;
  property?: string;
  details?: { error_code: string; error_message: string; property?: string }[];
}

/** Thrown by handlers; the server turns it into a PrivX error reply. */
export class SimulatorHttpError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
    readonly property?: string,
  ) {
    super(message);
    this.name = 'SimulatorHttpError';
  }

  toReply(): Reply {
    return privxError(this.status, this.errorCode, this.message, this.property);
  }
}

export function privxError(status: number, errorCode: string, message: string, property?: string): Reply {
  const body: PrivxErrorBody = { error_code: errorCode, error_message: message };
  if (property !== undefined) {
    body.property = property;
    body.details = [{ error_code: errorCode, error_message: message, property }];
  }
  return { status, body };
}

export function badRequest(message: string, property?: string): SimulatorHttpError {
  return new SimulatorHttpError(400, 'BAD_REQUEST', message, property);
}

export function notFound(what: string, id: string): SimulatorHttpError {
  return new SimulatorHttpError(404, 'OBJECT_NOT_FOUND', `${what} ${id} not found`);
}

/** A path or body id: a malformed one is a 400, as PrivX validates ids before looking them up. */
export function requireUuid(value: string, property: string): string {
  if (!isUuid(value)) throw badRequest(`${property} is not a valid UUID: ${JSON.stringify(value)}`, property);
  return value.toLowerCase();
}

/** `{count, items}`: every v41 list. `count` is the total of matches, not the page length. */
export function list<T>(count: number, items: readonly T[]): Reply {
  return { status: 200, body: { count, items } };
}

export function ok(body: unknown): Reply {
  return { status: 200, body };
}

const MAX_BODY_BYTES = 10 * 1024 * 1024;

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new SimulatorHttpError(413, 'PAYLOAD_TOO_LARGE', `request body exceeds ${MAX_BODY_BYTES} bytes`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The JSON request body; an empty body reads as `undefined`, bad JSON is PrivX's 400. */
export function parseJson(raw: string): unknown {
  if (raw.trim() === '') return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch (error) {
    throw badRequest(`request body is not valid JSON: ${(error as Error).message}`);
  }
}

export function sendReply(res: ServerResponse, reply: Reply): void {
  const headers: Record<string, string | number> = { ...reply.headers };
  if (reply.raw) {
    headers['content-type'] = 'application/json; charset=utf-8';
    headers['content-length'] = reply.raw.length;
    res.writeHead(reply.status, headers);
    res.end(reply.raw);
    return;
  }
  if (reply.body === undefined) {
    res.writeHead(reply.status, headers);
    res.end();
    return;
  }
  const payload = JSON.stringify(reply.body);
  headers['content-type'] = 'application/json; charset=utf-8';
  headers['content-length'] = Buffer.byteLength(payload);
  res.writeHead(reply.status, headers);
  res.end(payload);
}
