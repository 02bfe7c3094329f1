import { getFragmentData, graphql, type FragmentType } from './gql';
import { userHref } from './route';

/** What one row shows, declared beside the row: the page's query spreads it and cannot read it itself. */
export const UserRowFragment = graphql(`
  fragment UserRow on User {
    id
    name
    username
    title
    status
    emails {
      email
      isPrimary
    }
    workspace {
      id
      name
    }
  }
`);

export function UserRow(props: { user: FragmentType<typeof UserRowFragment> }) {
  const user = getFragmentData(UserRowFragment, props.user);
  const email = user.emails.find((e) => e.isPrimary) ?? user.emails[0];
  return (
    <tr>
      <td>
        <a href={userHref(user.id)}>{user.name ?? user.username ?? user.id}</a>
      </td>
      <td>{user.username}</td>
      <td>{email?.email}</td>
      <td>{user.title}</td>
      <td>{user.workspace?.name}</td>
      <td>{user.status}</td>
    </tr>
  );
}
