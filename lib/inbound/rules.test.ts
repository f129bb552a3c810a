import { describe, expect, it } from "vitest";
import { isBanned, replyAction } from "./rules";

describe("inbound rules", () => {
  it.each([
    ["spam@bad.example", ["spam@bad.example"], true],
    ["SPAM@Bad.Example", ["spam@bad.example"], true],
    ["other@bad.example", ["@bad.example"], true],
    ["x@mail.bad.example", ["bad.example"], true],
    ["x@notbad.example", ["bad.example"], false],
    ["ok@good.example", ["spam@bad.example", "@bad.example"], false],
  ])("isBanned(%s, %j) = %s", (address, list, want) => {
    expect(isBanned(address, list)).toBe(want);
  });

  it("decides reopen / new ticket by status", () => {
    const reopen = ["resolved", "closed"] as const;
    expect(replyAction("open", reopen)).toBe("none");
    expect(replyAction("awaiting_client", reopen)).toBe("open");
    expect(replyAction("closed", reopen)).toBe("reopen");
    expect(replyAction("resolved", reopen)).toBe("reopen");
    expect(replyAction("archived", reopen)).toBe("new-ticket");
    expect(replyAction("deleted", reopen)).toBe("new-ticket");
  });
});
