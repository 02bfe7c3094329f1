import ipaddr from 'ipaddr.js';

/**
 * URL facts the configuration checks rely on, read by the WHATWG URL parser (the one `fetch` and undici use), so
 * the check and the connection see the same host: `http://127.0.0.1:1@host.example/` is user `127.0.0.1` at
 * `host.example`, not a loopback address.
 */

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** Whether a URL carries a user name or password (`user:password@host`). Unparsable: false (the schema says so). */
export function hasCredentials(url: string): boolean {
  const parsed = parse(url);
  return parsed !== null && (parsed.username !== '' || parsed.password !== '');
}

/** Whether a URL's host is this machine: `localhost`, or an address in 127.0.0.0/8 or `::1` (IPv4-mapped too). */
export function isLoopback(url: string): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (host === 'localhost') return true;
  return ipaddr.isValid(host) && ipaddr.process(host).range() === 'loopback';
}

/** Plain `http:` to a host other than this machine: whatever travels on it (secrets, tokens, data) can be read on the way. */
export function isPlaintextToRemote(url: string): boolean {
  return parse(url)?.protocol === 'http:' && !isLoopback(url);
}
