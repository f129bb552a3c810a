// Auto-reply, list and bounce classification, and delivery-status parsing.
import { describe, expect, it } from "vitest";
import { classifyAuto, parseDeliveryStatus } from "./autoreply";
import { parseHeaderText } from "./headers";

const classify = (headerLines: string, fromAddress = "someone@example.net", extra: Partial<Parameters<typeof classifyAuto>[0]> = {}) =>
  classifyAuto({ headers: parseHeaderText(headerLines), fromAddress, ...extra });

describe("classifyAuto", () => {
  it.each([
    ["Auto-Submitted: auto-replied", "auto-reply"],
    ["Auto-Submitted: auto-generated", "auto-reply"],
    ["Auto-Submitted: auto-notified (vacation)", "auto-reply"],
    ["Precedence: bulk", "bulk"],
    ["Precedence: junk", "bulk"],
    ["Precedence: list", "list"],
    ["Precedence: auto_reply", "auto-reply"],
    ["X-Autoreply: yes", "auto-reply"],
    ["X-Autorespond: vacation", "auto-reply"],
    ["X-Auto-Response-Suppress: All", "auto-reply"],
    ["X-Auto-Response-Suppress: DR, OOF, AutoReply", "auto-reply"],
    ["List-Id: Announcements <announce.lists.example.net>", "list"],
    ["Return-Path: <>", "auto-reply"],
  ])("%s -> %s", (header, kind) => {
    const auto = classify(`From: x@example.net\n${header}`);
    expect(auto).toMatchObject({ isAutoReply: true, isBounce: false, kind });
    expect(auto.reason).toBeTruthy();
  });

  it.each([
    "Auto-Submitted: no",
    "Precedence: normal",
    "X-Auto-Response-Suppress: DR",
    "Return-Path: <dana@example.com>",
    "X-Autoreply: no",
    "Subject: Automatic reply: looks automatic but says nothing in its headers",
  ])("%s is a person", (header) => {
    expect(classify(`From: x@example.net\n${header}`)).toEqual({ isAutoReply: false, isBounce: false, kind: "none", reason: null });
  });

  it.each([
    ["MAILER-DAEMON@mx.example.net", ""],
    ["postmaster@example.net", ""],
    ["someone@example.net", "X-Failed-Recipients: gone@example.com"],
    ["someone@example.net", 'Content-Type: multipart/report; report-type="delivery-status"; boundary=x'],
  ])("bounce from %s %s", (from, header) => {
    const auto = classify(header, from);
    expect(auto).toMatchObject({ isAutoReply: true, isBounce: true, kind: "bounce" });
  });

  it("does not treat a multipart/report of another type (read receipt) as a bounce", () => {
    expect(classify("Content-Type: multipart/report; report-type=disposition-notification; boundary=x").isBounce).toBe(false);
  });

  it("takes the failed recipient from X-Failed-Recipients and the original id from a quoted header", () => {
    const auto = classify("X-Failed-Recipients: Gone@Example.com\nMessage-ID: <bounce-1@mx.example.net>", "mailer-daemon@mx.example.net", {
      rawBody: "This message was created automatically.\n\n------ This is a copy of the message, including all the headers.\nMessage-ID: <orig-77@helpdesk.example.com>\nSubject: x\n",
    });
    expect(auto.bounce).toEqual({ recipient: "gone@example.com", originalMessageId: "orig-77@helpdesk.example.com" });
  });
});

describe("parseDeliveryStatus", () => {
  it("reads the first failed recipient with folded fields", () => {
    const dsn = [
      "Reporting-MTA: dns; mx.example.net",
      "",
      "Final-Recipient: rfc822; ok@example.net",
      "Action: delayed",
      "Status: 4.4.1",
      "",
      "Final-Recipient: rfc822; <Omar.Haddad@example.net>",
      "Action: failed",
      "Status: 5.2.2 (mailbox full)",
      "Diagnostic-Code: smtp; 552 5.2.2 mailbox",
      "  full",
      "",
    ].join("\r\n");
    expect(parseDeliveryStatus(dsn)).toEqual({
      recipient: "omar.haddad@example.net",
      status: "5.2.2",
      action: "failed",
      diagnostic: "552 5.2.2 mailbox full",
    });
  });

  it("returns nothing for a report without recipients", () => {
    expect(parseDeliveryStatus("Reporting-MTA: dns; mx.example.net\n")).toEqual({});
  });
});
