import type { RawRoleAssignment } from './demo-types';
import { badRequest } from './http-io';
import { isUuid } from './random';

/**
 * A fault knob: another PrivX client (an admin console, a script) that changes a user's explicit grants right
 * after someone reads them, i.e. between a read-change-PUT writer's read and its PUT. Each time it fires it
 * grants `roleId` to the user as TIME_RESTRICTED from 2030-01-01 for as many days as it has fired, so every
 * firing leaves the user's explicit grants different from what was just read.
 */
export interface OutsideWrite {
  userId: string;
  roleId: string;
  /** How many reads of the user's roles it follows; once unless given. */
  times?: number;
}

const BASE = Date.parse('2030-01-01T00:00:00Z');
const DAY_MS = 86_400_000;

export function validateOutsideWrite(value: unknown): Required<OutsideWrite> {
  if (typeof value !== 'object' || value === null) throw badRequest('an outside write is {userId, roleId, times?}');
  const { userId, roleId, times } = value as Record<string, unknown>;
  if (typeof userId !== 'string' || !isUuid(userId)) throw badRequest('userId must be a UUID', 'userId');
  if (typeof roleId !== 'string' || !isUuid(roleId)) throw badRequest('roleId must be a UUID', 'roleId');
  if (times !== undefined && (typeof times !== 'number' || !Number.isInteger(times) || times < 1)) throw badRequest('times must be a positive integer', 'times');
  return { userId: userId.toLowerCase(), roleId: roleId.toLowerCase(), times: (times as number | undefined) ?? 1 };
}

export class OutsideWriter {
  private armed: (Required<OutsideWrite> & { fired: number })[] = [];
  /** How many outside writes were applied since the last clear. */
  applied = 0;

  arm(write: OutsideWrite): void {
    this.armed.push({ ...validateOutsideWrite(write), fired: 0 });
  }

  clear(): void {
    this.armed = [];
    this.applied = 0;
  }

  /** Called after a read of `userId`'s roles was answered: the explicit grants to write now, if armed. */
  afterRead(userId: string, explicit: readonly RawRoleAssignment[], handle: (id: string, grantEnd: string) => RawRoleAssignment | undefined): RawRoleAssignment[] | undefined {
    const entry = this.armed.find((write) => write.userId === userId);
    if (!entry) return undefined;
    entry.fired += 1;
    if (entry.fired >= entry.times) this.armed = this.armed.filter((write) => write !== entry);
    const grant = handle(entry.roleId, new Date(BASE + entry.fired * DAY_MS).toISOString().replace('.000Z', 'Z'));
    if (!grant) return undefined;
    this.applied += 1;
    return [...explicit.filter((role) => role.id !== entry.roleId), grant];
  }
}
