import { describe, expect, it } from "vitest";
import { ipInList, normalizeRange, parseRange, parseTrustList, resolveClientIp } from "./client-address";

describe("resolveClientIp", () => {
  const trusted = parseTrustList("10.0.0.0/8, 127.0.0.1");

  it("uses the socket address when the peer is not a trusted proxy", () => {
    expect(resolveClientIp("203.0.113.9", "1.2.3.4", trusted)).toBe("203.0.113.9");
  });

  it("walks X-Forwarded-For back past trusted proxies", () => {
    expect(resolveClientIp("10.0.0.5", "198.51.100.7, 10.1.2.3", trusted)).toBe("198.51.100.7");
  });

  it("ignores addresses a client prepended before the first untrusted hop", () => {
    expect(resolveClientIp("127.0.0.1", "6.6.6.6, 198.51.100.7", trusted)).toBe("198.51.100.7");
  });

  it("unwraps IPv4-mapped IPv6 peers", () => {
    expect(resolveClientIp("::ffff:203.0.113.9", undefined, trusted)).toBe("203.0.113.9");
  });

  it("stops at a malformed hop", () => {
    expect(resolveClientIp("10.0.0.5", "garbage", trusted)).toBe("10.0.0.5");
  });
});

describe("parseTrustList", () => {
  it("names a bad entry", () => {
    expect(() => parseTrustList("10.0.0.0/8, nonsense")).toThrow(/nonsense/);
  });
  it("matches single addresses and ranges", () => {
    const list = parseTrustList("192.168.0.0/16 ::1");
    expect(ipInList("192.168.4.4", list)).toBe(true);
    expect(ipInList("::1", list)).toBe(true);
    expect(ipInList("192.169.0.1", list)).toBe(false);
  });
});

describe("parseRange / normalizeRange", () => {
  it.each(["010.0.0.1", "0177.0.0.1", "1.2.3", "127.1", "2130706433", "0x7f.0.0.1", "256.0.0.1", "1.2.3.4.5", "10.0.0.0/33", "10.0.0.0/08", "10.0.0.0/", "::1/129", "fe80::1%eth0", "::ffff:010.0.0.1", ""])(
    "refuses %j",
    (entry) => {
      expect(() => parseRange(entry)).toThrow(`Not an IP address or CIDR range: "${entry}"`);
    },
  );

  it.each([
    ["10.0.0.1", "10.0.0.1"],
    ["0.0.0.0", "0.0.0.0"],
    ["10.20.30.40/8", "10.0.0.0/8"],
    ["10.0.0.1/32", "10.0.0.1/32"],
    ["0.0.0.0/0", "0.0.0.0/0"],
    ["2001:DB8:0:0:0:0:0:1", "2001:db8::1"],
    ["2001:db8:ffff::1/33", "2001:db8:8000::/33"],
    ["::ffff:192.0.2.1", "192.0.2.1"],
    ["::ffff:192.0.2.0/120", "192.0.2.0/24"],
    ["[::1]", "::1"],
  ])("stores %s as %s", (entry, stored) => {
    expect(normalizeRange(entry)).toBe(stored);
  });

  it("the trust list is as strict", () => {
    expect(() => parseTrustList("10.0.0.0/8, 127.1")).toThrow(/"127\.1"/);
  });
});
