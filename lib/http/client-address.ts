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

/** IPv4 as four decimal numbers without leading zeros: "010.0.0.1" (octal 8.0.0.1), "127.1" or
 * "0x7f.0.0.1" are read differently by different parsers, so lists refuse them. */
const DECIMAL_IPV4 = /^(?:0|[1-9]\d{0,2})(?:\.(?:0|[1-9]\d{0,2})){3}$/;
const PREFIX_LENGTH = /^(?:0|[1-9]\d{0,2})$/;

function strictAddress(text: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  if (text.includes(":")) {
    // No zone ids (fe80::1%eth0); an embedded IPv4 tail (::ffff:192.0.2.1) is held to the same form.
    if (!/^[0-9a-f:.]+$/i.test(text) || !ipaddr.IPv6.isValid(text)) return null;
    const tail = /:([^:]*\.[^:]*)$/.exec(text);
    if (tail && !DECIMAL_IPV4.test(tail[1])) return null;
    return ipaddr.IPv6.parse(text);
  }
  if (!DECIMAL_IPV4.test(text) || !ipaddr.IPv4.isValid(text)) return null;
  return ipaddr.IPv4.parse(text);
}

function rangeProblem(entry: string, address?: string): Error {
  const hint = address !== undefined && /^[0-9a-fx.]+$/i.test(address) ? "; write IPv4 as four decimal numbers without leading zeros, such as 10.0.0.1" : "";
  return new Error(`Not an IP address or CIDR range: "${entry}"${hint}`);
}

/**
 * One allow-list or trust-list entry: a canonical dotted-quad IPv4 address, an IPv6 address, or a
 * CIDR range of either. IPv4-mapped IPv6 becomes IPv4 (as client addresses do). Throws naming the entry.
 */
export function parseRange(entry: string): [ipaddr.IPv4 | ipaddr.IPv6, number] {
  const text = entry.trim();
  const slash = text.indexOf("/");
  const addrText = (slash < 0 ? text : text.slice(0, slash)).replace(/^\[(.*)\]$/, "$1");
  const addr = strictAddress(addrText);
  if (!addr) throw rangeProblem(entry, addrText);
  const full = addr.kind() === "ipv4" ? 32 : 128;
  let bits = full;
  if (slash >= 0) {
    const bitsText = text.slice(slash + 1);
    if (!PREFIX_LENGTH.test(bitsText) || Number(bitsText) > full) throw rangeProblem(entry);
    bits = Number(bitsText);
  }
  if (addr.kind() === "ipv6" && (addr as ipaddr.IPv6).isIPv4MappedAddress() && bits >= 96) return [(addr as ipaddr.IPv6).toIPv4Address(), bits - 96];
  return [addr, bits];
}

/** The stored form of an entry: the canonical address, or the network address and prefix length of a range. */
export function normalizeRange(entry: string): string {
  const [addr, bits] = parseRange(entry);
  if (!entry.includes("/")) return addr.toString();
  const bytes = addr.toByteArray().map((b, i) => {
    const keep = Math.max(0, Math.min(8, bits - i * 8));
    return b & ((0xff << (8 - keep)) & 0xff);
  });
  return `${ipaddr.fromByteArray(bytes).toString()}/${bits}`;
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
