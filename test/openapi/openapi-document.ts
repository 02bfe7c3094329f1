import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';

/** docs/privx-v41.openapi.yaml, and response validation against it with Ajv (OpenAPI 3.1 schemas are JSON Schema 2020-12). */

export const OPENAPI_FILE = resolve(__dirname, '../../docs/privx-v41.openapi.yaml');

type Json = Record<string, unknown>;

export const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

export interface Operation {
  operationId: string;
  method: string;
  template: string;
  tags: string[];
  simulated: boolean;
}

const DOC_ID = 'privx-v41.openapi.yaml';

/** `~` and `/` escaped, as a JSON pointer segment needs. */
const segment = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

function at(doc: Json, pointer: string): unknown {
  return pointer
    .replace(/^#\//, '')
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, key) => (node as Json | undefined)?.[key], doc);
}

export class OpenApiDocument {
  readonly doc: Json;
  private readonly ajv: Ajv2020;
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(text = readFileSync(OPENAPI_FILE, 'utf8')) {
    this.doc = parse(text) as Json;
    // strictSchema off: the document is added whole (so `#/components/...` refs resolve), and its OpenAPI keys
    // (openapi, info, paths, ...) are not schema keywords. The schemas themselves use JSON Schema keywords only.
    this.ajv = new Ajv2020({ allErrors: true, strictSchema: false });
    addFormats(this.ajv);
    this.ajv.addFormat('password', true);
    this.ajv.addSchema({ ...this.doc, $id: DOC_ID });
  }

  operations(): Operation[] {
    const paths = this.doc.paths as Record<string, Json>;
    return Object.entries(paths).flatMap(([template, item]) =>
      METHODS.flatMap((method) => {
        const op = item[method] as Json | undefined;
        if (!op) return [];
        return [{ operationId: op.operationId as string, method, template, tags: (op.tags as string[]) ?? [], simulated: op['x-privx-simulated'] !== false }];
      }),
    );
  }

  /** The JSON pointer of a response's `application/json` schema, following a `$ref` to `components/responses`. */
  responseSchemaPointer(method: string, template: string, status: number): string {
    const responses = `#/paths/${segment(template)}/${method}/responses`;
    let pointer = `${responses}/${status}`;
    let response = at(this.doc, pointer) as Json | undefined;
    if (!response) throw new Error(`${method.toUpperCase()} ${template} describes no ${status} answer`);
    if (typeof response.$ref === 'string') {
      pointer = response.$ref;
      response = at(this.doc, pointer) as Json;
    }
    if (!(response.content as Json | undefined)?.['application/json']) throw new Error(`${method.toUpperCase()} ${template} ${status} has no JSON body`);
    return `${pointer}/content/application~1json/schema`;
  }

  /** Validates a body against a schema given by JSON pointer; errors as readable lines, empty when valid. */
  errorsAt(pointer: string, body: unknown): string[] {
    let validate = this.compiled.get(pointer);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `${DOC_ID}${pointer}` });
      this.compiled.set(pointer, validate);
    }
    return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '(body)'} ${e.message ?? ''}`);
  }

  responseErrors(method: string, template: string, status: number, body: unknown): string[] {
    return this.errorsAt(this.responseSchemaPointer(method, template, status), body);
  }

  schemaErrors(name: string, body: unknown): string[] {
    return this.errorsAt(`#/components/schemas/${name}`, body);
  }
}
