import { randomUUID } from 'node:crypto';
import { countRoleMembers } from './demo-roles';
import type { RawRoleAssignment, RawRoleStoreUser } from './demo-types';
import { Random } from './random';
import type { SimulatorStore } from './store';

export type SimulatedChangeKind = 'update' | 'create' | 'delete';

/**
 * Users that change over time, as in a live PrivX: updates (a new `updated`), creates and deletes, made by tests
 * through `RunningSimulator.changes`, by another process through `POST /__changes`, or every few seconds by the
 * `SIM_CHANGES_PER_MINUTE` knob so that Sandbox shows a live change feed. Created users are copies of a
 * directory user (never a local one, whose password record would be missing) with a new id and username.
 */
export class SimulatorChanges {
  private created = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly store: SimulatorStore,
    private readonly now: () => number,
    private readonly random: Random,
  ) {}

  /** A new `updated` (never equal to the last one, as a poller compares them) and the given fields. */
  updateUser(id: string, fields: Partial<RawRoleStoreUser> = {}): RawRoleStoreUser {
    const user = this.userOf(id);
    Object.assign(user, fields, { updated: this.stamp(user.updated) });
    this.store.reindex();
    return user;
  }

  /** Replaces a user's grants (and dates the record, as PrivX does for a role change made through the user). */
  setRoles(id: string, roles: RawRoleAssignment[], touch = true): RawRoleStoreUser {
    const user = this.userOf(id);
    user.roles = roles;
    if (touch) user.updated = this.stamp(user.updated);
    countRoleMembers(this.store.data.roles, this.store.data.users);
    this.store.reindex();
    return user;
  }

  createUser(fields: Partial<RawRoleStoreUser> = {}): RawRoleStoreUser {
    const templates = this.store.data.users.filter((u) => u.source_type !== 'LOCAL');
    const template = templates.length > 0 ? this.random.pick(templates) : undefined;
    if (!template) throw new RangeError('no directory user to copy');
    this.created += 1;
    const at = this.stamp();
    const principal = `new.user${this.created}.${randomUUID().slice(0, 4)}`;
    const user: RawRoleStoreUser = {
      ...structuredClone(template),
      id: randomUUID(),
      source_user_id: randomUUID(),
      principal,
      email: `${principal}@example.com`,
      full_name: `New User ${this.created}`,
      created: at,
      updated: at,
      roles: [],
      ...fields,
    };
    this.store.data.users.push(user);
    this.store.reindex();
    return user;
  }

  deleteUser(id: string): boolean {
    const users = this.store.data.users;
    const index = users.findIndex((u) => u.id === id);
    if (index < 0) return false;
    const [gone] = users.splice(index, 1);
    if (gone?.source_type === 'LOCAL') this.store.data.localUsers = this.store.data.localUsers.filter((l) => l.id !== gone.source_user_id && l.id !== gone.id);
    countRoleMembers(this.store.data.roles, users);
    this.store.reindex();
    return true;
  }

  /** One random change of the kinds given; what it did. */
  randomChange(kinds: readonly SimulatedChangeKind[] = ['update', 'update', 'update', 'create', 'delete']): { kind: SimulatedChangeKind; id: string } {
    const kind = this.random.pick(kinds);
    const users = this.store.data.users;
    if (kind === 'create' || users.length === 0) return { kind: 'create', id: this.createUser().id };
    const user = this.random.pick(users);
    if (kind === 'delete') {
      this.deleteUser(user.id);
      return { kind, id: user.id };
    }
    this.updateUser(user.id, { job_title: this.random.pick(['Engineer', 'Senior Engineer', 'Analyst', 'Manager', 'Architect', 'Auditor']) });
    return { kind, id: user.id };
  }

  /** The knob: `perMinute` random changes a minute, evenly spaced, until stopped (0 stops). */
  drift(perMinute: number): void {
    clearInterval(this.timer);
    this.timer = undefined;
    if (perMinute <= 0) return;
    this.timer = setInterval(() => this.randomChange(), 60_000 / perMinute).unref();
  }

  stop(): void {
    this.drift(0);
  }

  private userOf(id: string): RawRoleStoreUser {
    const user = this.store.userById(id);
    if (!user || !this.store.data.users.includes(user)) throw new RangeError(`no directory user ${id}`);
    return user;
  }

  /** Now, but always after `previous`: two changes of one record within a millisecond still differ. */
  private stamp(previous?: string): string {
    const before = previous ? Date.parse(previous) : Number.NaN;
    const at = Number.isNaN(before) ? this.now() : Math.max(this.now(), before + 1);
    return new Date(at).toISOString();
  }
}
