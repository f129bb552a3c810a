import { describe, expect, it } from "vitest";
import { replyOutcome } from "./reply-outcome";

describe("replyOutcome", () => {
  it("says where the mail is: waiting unsent, queued, sent, or not addressed", () => {
    const mail = { id: 7, to: ["casey@example.net"], cc: ["dana@example.net"] };
    expect(replyOutcome({ ...mail, status: "unsent" })).toBe("Reply saved; the mail to casey@example.net, dana@example.net waits in the outbox (outbound email is not configured)");
    expect(replyOutcome({ ...mail, status: "queued" })).toBe("Reply queued in the outbox for casey@example.net, dana@example.net");
    expect(replyOutcome({ ...mail, status: "sent" })).toBe("Reply sent to casey@example.net, dana@example.net");
    expect(replyOutcome({ id: null, status: null, to: [], cc: [] })).toBe("Reply saved; no mail could be addressed");
    expect(replyOutcome(undefined)).toBe("Reply saved; no mail could be addressed");
  });
});
