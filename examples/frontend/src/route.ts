import { useSyncExternalStore } from 'react';

/** The two screens, addressed by the URL's hash so the built app is plain static files. */
export type Route = { page: 'directory' } | { page: 'user'; id: string };

export function parseRoute(hash: string): Route {
  const match = /^#\/users\/([^/]+)$/.exec(hash);
  return match?.[1] ? { page: 'user', id: decodeURIComponent(match[1]) } : { page: 'directory' };
}

export const directoryHref = '#/';
export const userHref = (id: string): string => `#/users/${encodeURIComponent(id)}`;

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The current location hash; re-renders on back, forward and link clicks. */
export function useHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash);
}
