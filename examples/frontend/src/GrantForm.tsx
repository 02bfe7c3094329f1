import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from './gql';
import type { GrantType } from './gql/graphql';

const RolesQuery = graphql(`
  query GrantableRoles {
    roles(first: 100) {
      nodes {
        id
        name
        description
      }
    }
  }
`);

/**
 * urql's document cache refetches every query showing a type the payload holds (User, Role, RoleAssignment):
 * the user's page then shows the new grant as read after the write.
 */
const GrantRoleMutation = graphql(`
  mutation GrantRole($input: GrantRoleInput!) {
    grantRole(input: $input) {
      assignment {
        role {
          id
          name
        }
        state
      }
      user {
        id
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);

const GRANT_TYPES: { value: GrantType; label: string }[] = [
  { value: 'PERMANENT', label: 'Permanent' },
  { value: 'TIME_RESTRICTED', label: 'Time-restricted' },
  { value: 'FLOATING', label: 'Floating' },
];

/** `<input type="datetime-local">` gives local wall time without a zone; the API wants an instant. */
function instant(local: string): string | undefined {
  const time = new Date(local);
  return Number.isNaN(time.getTime()) ? undefined : time.toISOString();
}

/** `["input", "periods", "0", "end"]` → `periods.0.end`: the form's own words for the field at fault. */
function fieldName(path: readonly string[]): string {
  return (path[0] === 'input' ? path.slice(1) : path).join('.');
}

/** One key per intended grant: a resubmission (double click, retry after a timeout) writes at most once. */
function newKey(): string | undefined {
  return window.isSecureContext ? crypto.randomUUID() : undefined;
}

/** Grant a role to this user (or change the terms of one they hold directly): `grantRole`, its `userErrors` shown. */
export function GrantForm({ userId }: { userId: string }) {
  const [{ data: roles }] = useQuery({ query: RolesQuery });
  const [{ data, fetching, error }, grantRole] = useMutation(GrantRoleMutation);
  const [roleId, setRoleId] = useState('');
  const [grantType, setGrantType] = useState<GrantType>('PERMANENT');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [hours, setHours] = useState('8');
  const [key, setKey] = useState(newKey);
  const changed = <T,>(set: (value: T) => void) => (value: T) => {
    set(value);
    setKey(newKey()); // different terms: a different grant, so a different key
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await grantRole({
      input: {
        userId,
        roleId,
        grantType,
        periods: grantType === 'TIME_RESTRICTED' ? [{ start: instant(start) ?? start, end: instant(end) ?? end }] : null,
        floatingHours: grantType === 'FLOATING' ? Number(hours) : null,
        idempotencyKey: key,
      },
    });
    if (result.data?.grantRole.userErrors.length === 0) setKey(newKey());
  }

  const payload = data?.grantRole;
  return (
    <form className="grant-form" aria-label="Grant a role" onSubmit={(event) => void submit(event)}>
      <h3>Grant a role</h3>
      <label>
        Role
        <select required value={roleId} onChange={(event) => changed(setRoleId)(event.target.value)}>
          <option value="">Choose a role…</option>
          {roles?.roles.nodes.map((role) => (
            <option key={role.id} value={role.id} title={role.description ?? undefined}>
              {role.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Grant type
        <select value={grantType} onChange={(event) => changed(setGrantType)(event.target.value as GrantType)}>
          {GRANT_TYPES.map((type) => (
            <option key={type.value} value={type.value}>
              {type.label}
            </option>
          ))}
        </select>
      </label>
      {grantType === 'TIME_RESTRICTED' && (
        <>
          <label>
            From
            <input type="datetime-local" required value={start} onChange={(event) => changed(setStart)(event.target.value)} />
          </label>
          <label>
            Until
            <input type="datetime-local" required value={end} onChange={(event) => changed(setEnd)(event.target.value)} />
          </label>
        </>
      )}
      {grantType === 'FLOATING' && (
        <label>
          Hours per activation
          <input type="number" required min={1} value={hours} onChange={(event) => changed(setHours)(event.target.value)} />
        </label>
      )}
      <button type="submit" disabled={fetching || roleId === ''}>
        {fetching ? 'Granting…' : 'Grant'}
      </button>
      {error && <p role="alert">The grant could not be made: {error.message}</p>}
      {payload && payload.userErrors.length > 0 && (
        <div role="alert">
          <ul aria-label="Problems">
            {payload.userErrors.map((problem, index) => (
              <li key={index}>
                {problem.field && problem.field.length > 0 ? `${fieldName(problem.field)}: ` : ''}
                {problem.message} ({problem.code})
              </li>
            ))}
          </ul>
        </div>
      )}
      {payload?.assignment && payload.userErrors.length === 0 && (
        <p role="status">
          Granted {payload.assignment.role.name}: now {payload.assignment.state}.
        </p>
      )}
    </form>
  );
}
