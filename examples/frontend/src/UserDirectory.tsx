import { useEffect, useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from './gql';
import { UserRow } from './UserRow';

export const PAGE_SIZE = 20;

/** The search and where the reader is in its pages: `cursors[i]` is the `after` of page i (null: the first). */
export interface DirectoryState {
  search: string;
  cursors: (string | null)[];
}

export const firstPage = (search: string): DirectoryState => ({ search, cursors: [null] });

const UsersPageQuery = graphql(`
  query UsersPage($first: Int!, $after: String, $search: String) {
    users(first: $first, after: $after, filter: { search: $search }) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        ...UserRow
      }
    }
  }
`);

/** How long typing must pause before the search is sent: one request per word, not per key. */
const SEARCH_DELAY_MS = 300;

export function UserDirectory({ state, onChange }: { state: DirectoryState; onChange: (state: DirectoryState) => void }) {
  const [typed, setTyped] = useState(state.search);
  useEffect(() => {
    if (typed === state.search) return;
    const timer = setTimeout(() => onChange(firstPage(typed)), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [typed, state.search, onChange]);

  const page = state.cursors.length - 1;
  const search = state.search.trim();
  const variables = { first: PAGE_SIZE, after: state.cursors[page] ?? null, search: search === '' ? null : search };
  const [{ data, fetching, error, operation }] = useQuery({ query: UsersPageQuery, variables });
  const users = data?.users;
  // urql keeps showing the previous page while the next one loads: say so rather than number its rows anew.
  const current = operation?.variables.after === variables.after && operation.variables.search === variables.search;
  const from = page * PAGE_SIZE;

  return (
    <section aria-label="User directory">
      <input
        type="search"
        aria-label="Search users"
        placeholder="Search by name, username, email, company, department or title"
        value={typed}
        onChange={(event) => setTyped(event.target.value)}
      />
      {error && <p role="alert">Could not load users: {error.message}</p>}
      {users && (
        <>
          <p className="summary" data-testid="summary">
            {!current
              ? 'Loading…'
              : users.nodes.length === 0
                ? 'No users match.'
                : `Users ${from + 1}–${from + users.nodes.length} of ${users.totalCount ?? 'many'}`}
          </p>
          <table>
            <thead>
              <tr>
                <th>Name</th>
                <th>Username</th>
                <th>Email</th>
                <th>Title</th>
                <th>Directory</th>
                <th>Status</th>
              </tr>
            </thead>
            <tbody aria-busy={fetching || !current}>
              {users.nodes.map((user) => (
                <UserRow key={user.id} user={user} />
              ))}
            </tbody>
          </table>
          <nav className="pager" aria-label="Pages">
            <button type="button" disabled={page === 0 || !current} onClick={() => onChange({ ...state, cursors: state.cursors.slice(0, -1) })}>
              Previous
            </button>
            <span>Page {page + 1}</span>
            <button
              type="button"
              disabled={!current || !users.pageInfo.hasNextPage || !users.pageInfo.endCursor}
              onClick={() => onChange({ ...state, cursors: [...state.cursors, users.pageInfo.endCursor] })}
            >
              Next
            </button>
          </nav>
        </>
      )}
      {!users && fetching && <p>Loading…</p>}
    </section>
  );
}
