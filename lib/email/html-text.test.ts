// HTML to text conversion and its line-to-HTML offset map.
import { describe, expect, it } from "vitest";
import { htmlToText } from "./html-text";

describe("htmlToText", () => {
  it("renders blocks, breaks, cells and entities", () => {
    const { text } = htmlToText("<p>Hello <b>team</b>,</p><p>a&amp;b &lt;c&gt; &#8364; &nbsp;x</p><ul><li>one</li><li>two</li></ul><table><tr><td>c1</td><td>c2</td></tr></table>line<br />next");
    expect(text).toBe("Hello team,\na&b <c> € \u00a0x\none\ntwo\nc1 c2\nline\nnext");
  });

  it("collapses whitespace except in pre", () => {
    expect(htmlToText("<div>  a \n  b  </div><pre>x  y\n  z</pre>").text).toBe("a b\nx  y\n  z");
  });

  it("skips head, style and script content", () => {
    expect(htmlToText("<head><title>t</title><style>p{}</style></head><p>body</p><script>x()</script>").text).toBe("body");
  });

  it("maps each line to where it begins in the HTML", () => {
    const html = 'Hello<br /><br /><div class="gmail_quote">On Mon <span>x</span> wrote:<br /><blockquote>Hi</blockquote></div>';
    const { text, lines } = htmlToText(html);
    expect(text).toBe("Hello\n\nOn Mon x wrote:\nHi");
    expect(lines.map((l) => [text.slice(l.text).split("\n")[0], html.slice(l.html, l.html + 12)])).toEqual([
      ["Hello", "Hello<br /><"],
      ["On Mon x wrote:", '<div class="'],
      ["Hi", "<blockquote>"],
    ]);
  });

  it("never throws on broken markup", () => {
    expect(htmlToText("<p>unclosed <b>bold <a href='x'>link").text).toBe("unclosed bold link");
    expect(htmlToText("a < b and <").text).toBe("a < b and <");
  });
});
