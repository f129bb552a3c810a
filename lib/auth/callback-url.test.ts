import { describe, expect, it } from "vitest";
import { safeCallbackUrl, signInErrorMessage } from "./callback-url";

describe("safeCallbackUrl", () => {
  it.each([
    ["/tickets/12?tab=events", "/tickets/12?tab=events"],
    ["/users", "/users"],
    [undefined, "/tickets"],
    ["https://evil.example/", "/tickets"],
    ["//evil.example/", "/tickets"],
    ["/\\evil.example", "/tickets"],
    ["/login?callbackUrl=/x", "/tickets"],
    ["/api/staff/tickets/1", "/tickets"],
    ["/tickets\r\nSet-Cookie: x", "/tickets"],
  ])("%s -> %s", (input, expected) => {
    expect(safeCallbackUrl(input)).toBe(expected);
  });
});

describe("signInErrorMessage", () => {
  it("explains a wrong password without saying which part was wrong", () => {
    expect(signInErrorMessage("CredentialsSignin")).toBe("Wrong email or password.");
  });
  it("shows the lockout message", () => {
    expect(signInErrorMessage("Too many failed sign-in attempts. Try again in 15 minutes.")).toMatch(/15 minutes/);
  });
  it("never echoes arbitrary text from the URL", () => {
    expect(signInErrorMessage("Call +1 555 0100 to verify your account")).toBe("Sign-in failed. Please try again.");
  });
  it("shows nothing without an error", () => {
    expect(signInErrorMessage(undefined)).toBeNull();
  });
});
