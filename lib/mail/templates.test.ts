import { describe, expect, it } from "vitest";
import { renderBody, renderLine, withReplySeparator } from "./templates";

describe("mail templates", () => {
  it("fills placeholders and leaves unknown ones visible", () => {
    expect(renderLine("[#%{ticket.number}] %{ticket.subject} %{nope}", { "ticket.number": "123456", "ticket.subject": "Hi\nthere" })).toBe(
      "[#123456] Hi there %{nope}",
    );
  });

  it("escapes text values in HTML but keeps HTML values", () => {
    const out = renderBody("Dear %{name},\n%{message}", { name: "<b>Eve</b>", message: { text: "hello", html: "<p>hello</p>" } });
    expect(out.text).toBe("Dear <b>Eve</b>,\nhello\n");
    expect(out.html).toContain("Dear &lt;b&gt;Eve&lt;/b&gt;,<br>");
    expect(out.html).toContain("<p>hello</p>");
  });

  it("puts the reply separator first", () => {
    const out = withReplySeparator({ text: "x\n", html: "<div>x</div>" }, "-- reply above this line --");
    expect(out.text.startsWith("-- reply above this line --\n\nx")).toBe(true);
    expect(out.html).toContain("-- reply above this line --");
  });
});
