// Works out the real client address from the socket and X-Forwarded-For, trusting the header
// only as far as it was written by proxies listed in TRUSTED_PROXIES.
import ipaddr from "ipaddr.js";

export type TrustList = Array<[ipaddr.IPv4 | ipaddr.IPv6, number]>;

export function normalizeIp(ip: string): string {
  const trimmed = ip.trim().replace(/^\[|\]$/g, "");
  if (!ipaddr.isValid(trimmed)) return trimmed;
  const parsed = ipaddr.parse(trimmed);
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    return (parsed as ipaddr.IPv6).toIPv4Address().toString();
  }
  return parsed.toString();
}

/** Parses "10.0.0.1, 192.168.0.0/16, ::1" (comma or space separated). Throws naming a bad entry. */
export function parseTrustList(value: string | undefined): TrustList {
  if (!value) return [];
  return value
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((entry) => parseRange(entry));
}

export function parseRange(entry: string): [ipaddr.IPv4 | ipaddr.IPv6, number] {
  try {
    if (entry.includes("/")) return ipaddr.parseCIDR(entry);
    const addr = ipaddr.parse(normalizeIp(entry));
    return [addr, addr.kind() === "ipv4" ? 32 : 128];
  } catch {
    throw new Error(`Not an IP address or CIDR range: "${entry}"`);
  }
}

export function ipInList(ip: string, list: TrustList): boolean {
  if (!list.length || !ipaddr.isValid(normalizeIp(ip))) return false;
  const addr = ipaddr.parse(normalizeIp(ip));
  return list.some(([range, bits]) => {
    if (addr.kind() !== range.kind()) return false;
    return addr.match(range, bits);
  });
}

/**
 * The client is the right-most address that is not a trusted proxy, walking back from the
 * socket peer through X-Forwarded-For. An untrusted peer is the client, whatever it claims.
 */
export function resolveClientIp(remoteAddress: string, forwardedFor: string | undefined, trusted: TrustList): string {
  let client = normalizeIp(remoteAddress);
  if (!ipInList(client, trusted) || !forwardedFor) return client;
  const hops = forwardedFor.split(",").map((h) => h.trim()).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normalizeIp(hops[i]);
    if (!ipaddr.isValid(hop)) return client;
    client = hop;
    if (!ipInList(hop, trusted)) return hop;
  }
  return client;
}
