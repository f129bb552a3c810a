import { beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/config/env";
import { signedMessageId, ticketIdFromMessageId } from "./message-id";

describe("signed Message-IDs", () => {
  beforeAll(() => {
    process.env.AUTH_SECRET = "unit-test-secret";
    process.env.MAIL_FROM = "Help Desk <support@example.com>";
    resetEnvCache();
  });

  it("names the ticket and verifies", () => {
    const id = signedMessageId(42);
    expect(id).toMatch(/^hd\.42\.[0-9a-f]{12}\.[0-9a-f]{20}@example\.com$/);
    expect(ticketIdFromMessageId(id)).toBe(42);
    expect(ticketIdFromMessageId(`<${id.toUpperCase()}>`)).toBe(42);
  });

  it("refuses a forged or altered id", () => {
    const id = signedMessageId(42);
    expect(ticketIdFromMessageId(id.replace("hd.42.", "hd.43."))).toBeNull();
    expect(ticketIdFromMessageId("hd.42.000000000000.00000000000000000000@example.com")).toBeNull();
    expect(ticketIdFromMessageId("CAF7q2-orig-0001@mail.customer.example.com")).toBeNull();
  });

  it("is unique", () => {
    expect(new Set(Array.from({ length: 100 }, () => signedMessageId(1))).size).toBe(100);
  });
});
