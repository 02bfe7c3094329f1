import { registerEnumType } from 'type-graphql';

/** The values are those of `GrantState` in src/access, so an evaluated state is returned as it is. */
export enum AssignmentState {
  ACTIVE = 'ACTIVE',
  SCHEDULED = 'SCHEDULED',
  EXPIRED = 'EXPIRED',
  ACTIVATABLE = 'ACTIVATABLE',
  OUTSIDE_CONTEXT = 'OUTSIDE_CONTEXT',
}

registerEnumType(AssignmentState, {
  name: 'AssignmentState',
  description: 'Whether a role grant is usable at an instant; the first that applies, in the order of docs/access.md.',
  valuesConfig: {
    EXPIRED: { description: 'Every period of the grant ended at or before the instant.' },
    SCHEDULED: { description: 'No period holds at the instant, but one starts later.' },
    OUTSIDE_CONTEXT: { description: "Held, but the instant (or the caller's address) is outside the role's context window." },
    ACTIVATABLE: { description: 'A FLOATING grant that is held: the user may activate it for `floatingHours`.' },
    ACTIVE: { description: 'Usable now.' },
  },
});
