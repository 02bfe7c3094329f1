import { useState } from 'react';
import { parseRoute, useHash } from './route';
import { UserDirectory, firstPage, type DirectoryState } from './UserDirectory';
import { UserPage } from './UserPage';

export function App() {
  const route = parseRoute(useHash());
  // Kept here, not in the directory, so that coming back from a user finds the same search and page.
  const [directory, setDirectory] = useState<DirectoryState>(firstPage(''));
  return (
    <main>
      <h1>PrivX users</h1>
      {route.page === 'user' ? <UserPage id={route.id} /> : <UserDirectory state={directory} onChange={setDirectory} />}
    </main>
  );
}
