/**
 * What the change feed holds (docs/changes.md). Plain data: the GraphQL types in src/entities/user-change/user-change.type.ts wrap
 * it, the poller produces it, the logs store it.
 */

export const CHANGE_KINDS = ['CREATED', 'UPDATED', 'DELETED', 'ROLES_CHANGED', 'GRANT_STARTED', 'GRANT_ENDED'] as const;
export type ChangeKindName = (typeof CHANGE_KINDS)[number];

/** One change before it has a place in the feed. */
export interface ChangeRecord {
  kind: ChangeKindName;
  userId: string;
  /** Epoch ms: see docs/changes.md for what each kind's instant is. */
  at: number;
  /** The role of a GRANT_* change, or of a ROLES_CHANGED that concerns a single role. */
  roleId?: string;
}

/** A change with its place in the feed. */
export interface StoredChange extends ChangeRecord {
  cursor: string;
}

export interface ChangePage {
  changes: StoredChange[];
  /** What to pass as `after` next: the last change's cursor, or the cursor given when there was nothing newer. */
  endCursor: string;
}

/** A cursor the feed can no longer answer without a gap: the client must resync (with `updatedSince`). */
export class CursorExpiredError extends Error {
  constructor(message = 'The cursor is older than the change feed keeps: resync with users(filter: { updatedSince }) and start again from userChangesCursor.') {
    super(message);
    this.name = 'CursorExpiredError';
  }
}

/** A cursor that is not one of ours at all. */
export class BadCursorError extends Error {
  constructor() {
    super('after is not a change cursor');
    this.name = 'BadCursorError';
  }
}
