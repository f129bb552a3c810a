import { describe, expect, it } from "vitest";
import { ipInList, parseTrustList, resolveClientIp } from "./client-address";

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
