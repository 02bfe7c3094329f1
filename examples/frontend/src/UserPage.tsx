import { useEffect } from 'react';
import { useQuery } from 'urql';
import { formatDateTime, formatFromNow } from './format';
import { getFragmentData, graphql } from './gql';
import { GrantForm } from './GrantForm';
import { GrantRow, GrantRowFragment } from './GrantRow';
import { directoryHref } from './route';

const UserPageQuery = graphql(`
  query UserPage($id: ID!) {
    user(id: $id) {
      id
      name
      username
      title
      status
      timezone
      emails {
        email
      }
      organizations {
        id
        name
      }
      groups {
        id
        name
        type
      }
      workspace {
        id
        name
        type
      }
      roleAssignments(includeExpired: true) {
        ...GrantRow
      }
    }
  }
`);

/** What each grant's state will be at an instant: here, what the next change changes it to. */
const StatesAtQuery = graphql(`
  query UserGrantStatesAt($id: ID!, $at: DateTimeISO!) {
    user(id: $id) {
      id
      roleAssignments(includeExpired: true) {
        role {
          id
        }
        state(at: $at)
      }
    }
  }
`);

/** setTimeout's longest delay (about 24.8 days); a later change is picked up by a later visit instead. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export function UserPage({ id }: { id: string }) {
  const [{ data, fetching, error }, reexecute] = useQuery({ query: UserPageQuery, variables: { id } });
  const user = data?.user;
  const grants = getFragmentData(GrantRowFragment, user?.roleAssignments ?? []);
  const next = grants
    .filter((grant) => grant.nextChangeAt)
    .sort((a, b) => Date.parse(a.nextChangeAt ?? '') - Date.parse(b.nextChangeAt ?? ''))[0];

  const nextChangeAt = next?.nextChangeAt;
  const [{ data: later }] = useQuery({ query: StatesAtQuery, variables: { id, at: nextChangeAt ?? '' }, pause: !nextChangeAt });
  const nextState = later?.user?.roleAssignments?.find((grant) => grant.role.id === next?.role.id)?.state;

  // States are the server's answer for "now": ask again when the earliest of them changes, so the page stays live.
  useEffect(() => {
    if (!nextChangeAt) return;
    const delay = Math.max(0, Date.parse(nextChangeAt) - Date.now()) + 1_000;
    if (delay > MAX_TIMER_MS) return;
    const timer = setTimeout(() => reexecute({ requestPolicy: 'network-only' }), delay);
    return () => clearTimeout(timer);
  }, [nextChangeAt, reexecute]);

  return (
    <section aria-label="User">
      <p>
        <a href={directoryHref}>← All users</a>
      </p>
      {error && <p role="alert">Could not load the user: {error.message}</p>}
      {!user && fetching && <p>Loading…</p>}
      {data && !user && <p role="alert">No user has the id {id}.</p>}
      {user && (
        <>
          <h2>{user.name ?? user.username}</h2>
          <dl className="facts">
            <dt>Username</dt>
            <dd>{user.username}</dd>
            <dt>Title</dt>
            <dd>{user.title ?? '—'}</dd>
            <dt>Status</dt>
            <dd>{user.status}</dd>
            <dt>Email</dt>
            <dd>{user.emails.map((e) => e.email).join(', ') || '—'}</dd>
            <dt>Organization</dt>
            <dd>{user.organizations.map((o) => o.name).join(', ') || '—'}</dd>
            <dt>Groups</dt>
            <dd>{user.groups.map((g) => `${g.name} (${g.type?.toLowerCase()})`).join(', ') || '—'}</dd>
            <dt>Directory</dt>
            <dd>{user.workspace ? `${user.workspace.name} (${user.workspace.type})` : '—'}</dd>
            <dt>Time zone</dt>
            <dd>{user.timezone ?? '—'}</dd>
          </dl>

          <h3>Roles</h3>
          {user.roleAssignments === null || user.roleAssignments === undefined ? (
            <p role="alert">The roles could not be read just now.</p>
          ) : (
            <>
              <p data-testid="grant-summary">
                {grants.length} {grants.length === 1 ? 'grant' : 'grants'}, {grants.filter((grant) => grant.activeNow).length} usable now
              </p>
              <p className="next-change" data-testid="next-change">
                {next?.nextChangeAt
                  ? `Next change: ${next.role.name} becomes ${nextState ?? '…'} at ${formatDateTime(next.nextChangeAt)} (${formatFromNow(next.nextChangeAt)})`
                  : 'No grant changes state from now on.'}
              </p>
              <table>
                <thead>
                  <tr>
                    <th>Role</th>
                    <th>State</th>
                    <th>Grant</th>
                    <th>Periods</th>
                    <th>Context</th>
                    <th>Next change</th>
                  </tr>
                </thead>
                <tbody aria-busy={fetching}>
                  {user.roleAssignments.map((grant, index) => (
                    <GrantRow key={grants[index]?.role.id ?? index} grant={grant} />
                  ))}
                </tbody>
              </table>
            </>
          )}
          <GrantForm userId={user.id} />
        </>
      )}
    </section>
  );
}
