import { describe, expect, it } from "vitest";
import { fillVariables, firstName } from "./render";

describe("fillVariables", () => {
  it("fills known variables and reports unknown ones", () => {
    const r = fillVariables("Hi %{user.firstname}, ticket #%{ticket.number} %{ticket.nope} — %{ staff.name }", { "user.firstname": "Sam", "ticket.number": "123456", "staff.name": "Alex" }, "text");
    expect(r).toEqual({ body: "Hi Sam, ticket #123456 %{ticket.nope} — Alex", unknownVariables: ["ticket.nope"] });
  });

  it("escapes values in HTML bodies and keeps signature lines", () => {
    const r = fillVariables("<p>%{user.name}</p>%{staff.signature}", { "user.name": "<script>x</script>", "staff.signature": "Alex\nSupport" }, "html");
    expect(r.body).toBe("<p>&lt;script&gt;x&lt;/script&gt;</p>Alex<br>Support");
  });

  it("fills missing values with nothing", () => {
    expect(fillVariables("[%{org.name}]", {}, "text").body).toBe("[]");
  });

  it("takes the first name", () => {
    expect(firstName("  Sam  Okafor ")).toBe("Sam");
    expect(firstName(null)).toBe("");
  });
});
