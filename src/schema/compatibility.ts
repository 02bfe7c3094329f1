import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import { buildSchema } from 'graphql';

/** A breaking change someone decided to ship, committed in `schema/breaking-changes.json` with the change. */
export interface AcknowledgedChange {
  /** graphql-inspector's change type, e.g. `FIELD_REMOVED`. */
  type: string;
  /** The schema coordinate it touches, e.g. `User.email`. */
  path: string;
  /** Why clients can take it (who was told, since when nobody uses it). */
  reason: string;
}

export interface CompatibilityReport {
  breaking: Change[];
  unacknowledged: Change[];
  others: Change[];
}

/** Federation directives are not defined in a subgraph's SDL: build without validating them. */
function schemaOf(sdl: string) {
  return buildSchema(sdl, { assumeValidSDL: true });
}

function isAcknowledged(change: Change, acknowledged: AcknowledgedChange[]): boolean {
  return acknowledged.some((a) => a.type === change.type && a.path === change.path);
}

/** What changed from `before` to `after`, with the breaking changes nobody acknowledged. */
export async function compareSchemas(before: string, after: string, acknowledged: AcknowledgedChange[]): Promise<CompatibilityReport> {
  const changes = await diff(schemaOf(before), schemaOf(after));
  const breaking = changes.filter((c) => c.criticality.level === CriticalityLevel.Breaking);
  return {
    breaking,
    unacknowledged: breaking.filter((c) => !isAcknowledged(c, acknowledged)),
    others: changes.filter((c) => c.criticality.level !== CriticalityLevel.Breaking),
  };
}

export function parseAcknowledged(json: string): AcknowledgedChange[] {
  const value = JSON.parse(json) as unknown;
  const list = (value as { acknowledged?: unknown }).acknowledged;
  if (!Array.isArray(list)) throw new Error('schema/breaking-changes.json: expected { "acknowledged": [ … ] }');
  return list.map((item, i) => {
    const { type, path, reason } = (item ?? {}) as Record<string, unknown>;
    if (typeof type !== 'string' || typeof path !== 'string' || typeof reason !== 'string' || reason.trim() === '') {
      throw new Error(`schema/breaking-changes.json: acknowledged[${i}] needs "type", "path" and a non-empty "reason"`);
    }
    return { type, path, reason };
  });
}
