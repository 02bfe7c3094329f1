import ipaddr from 'ipaddr.js';

/** An address as a caller gave it; `null` when it is not an IPv4 or IPv6 address. */
export function parseAddress(text: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  const trimmed = text.trim();
  if (!ipaddr.isValid(trimmed)) return null;
  // An IPv4-mapped IPv6 address (::ffff:10.0.0.1) is the IPv4 address, so IPv4 masks match it.
  return ipaddr.process(trimmed);
}

function parseMask(mask: string): [ipaddr.IPv4 | ipaddr.IPv6, number] | null {
  const text = mask.trim();
  try {
    if (text.includes('/')) return ipaddr.parseCIDR(text);
    const address = ipaddr.parse(text);
    return [address, address.kind() === 'ipv4' ? 32 : 128];
  } catch {
    // A mask the upstream holds but nobody can parse matches nothing, rather than failing the grant.
    return null;
  }
}

function matches(address: ipaddr.IPv4 | ipaddr.IPv6, mask: string): boolean {
  const range = parseMask(mask);
  if (!range) return false;
  let [network, bits] = range;
  // A mask written as IPv4-mapped IPv6 (::ffff:10.0.0.0/104) is an IPv4 mask.
  if (network.kind() === 'ipv6' && (network as ipaddr.IPv6).isIPv4MappedAddress() && bits >= 96) {
    network = (network as ipaddr.IPv6).toIPv4Address();
    bits -= 96;
  }
  if (network.kind() !== address.kind()) return false;
  return address.match([network, bits] as [typeof address, number]);
}

/** Whether the address falls in any of the masks (IPv4 and IPv6 CIDR, or plain addresses). */
export function matchesAnyMask(address: ipaddr.IPv4 | ipaddr.IPv6, masks: readonly string[]): boolean {
  return masks.some((mask) => matches(address, mask));
}
