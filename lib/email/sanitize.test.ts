// HTML sanitiser: XSS/mXSS vectors stay inert, harmless markup survives, remote images are blocked.
import { describe, expect, it } from "vitest";
import { BLOCKED_IMAGE_PLACEHOLDER, REMOTE_SRC_ATTR, sanitizeHtml } from "./sanitize";

const clean = (html: string) => sanitizeHtml(html).html;

/** Attribute values as a browser would read them (entities decoded, trimmed). */
function attrValues(html: string, name: string): string[] {
  return [...html.matchAll(new RegExp(`\\s${name}="([^"]*)"`, "gi"))].map((m) =>
    m[1]
      .replace(/&#x([0-9a-f]+);/gi, (_x, h: string) => String.fromCodePoint(Number.parseInt(h, 16)))
      .replace(/&#(\d+);/g, (_x, d: string) => String.fromCodePoint(Number(d)))
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, "&")
      .trim(),
  );
}

function expectInert(html: string) {
  expect(html).not.toMatch(/<(?:script|iframe|form|input|button|svg|math|style|object|embed|link|meta|base|noscript|template|textarea)\b/i);
  expect(html).not.toMatch(/<[^>]*\son[a-z]*\s*=/i);
  for (const v of [...attrValues(html, "href"), ...attrValues(html, "src")]) {
    const compact = v.replace(/[\x00-\x20]/g, "").toLowerCase();
    expect(compact).not.toMatch(/^(?:javascript|vbscript):/);
    if (compact.startsWith("data:")) expect(compact).toMatch(/^data:image\/(?:png|gif|jpe?g|webp|bmp);/);
  }
  expect(html).not.toMatch(/expression\s*\(|url\s*\(/i);
}

describe("sanitizeHtml: active content is removed", () => {
  const vectors = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    "<b onmouseover=alert(1)>x</b>",
    '<a href="javascript:alert(1)">x</a>',
    '<a href="&#106;avascript:alert(1)">x</a>',
    '<a href="&#x6A;avascript&#x3A;alert(1)">x</a>',
    '<a href=" JaVaScRiPt:alert(1)">x</a>',
    '<a href="java\tscript:alert(1)">x</a>',
    '<a href="java&#x09;script:alert(1)">x</a>',
    '<a href="javascript&colon;alert(1)">x</a>',
    '<a href="vbscript:msgbox(1)">x</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
    '<img src="data:text/html,<script>alert(1)</script>">',
    '<iframe src="https://attacker.example/"></iframe>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<svg onload="alert(1)"><circle r="5"/></svg>',
    '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    "<style>body{background:url(javascript:alert(1))}</style>",
    '<div style="width: expression(alert(1))">x</div>',
    '<div style="background:url(javascript:alert(1))">x</div>',
    '<div style="background-image: url(https://tracker.example/x.gif)">x</div>',
    '<p style="color: red; behavior: url(x.htc)">x</p>',
    '<form action="https://attacker.example/"><input name="p"><button>Go</button></form>',
    '<object data="x.swf"></object><embed src="x.swf">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<base href="https://attacker.example/">',
    '<link rel="stylesheet" href="https://attacker.example/x.css">',
    '<table background="javascript:alert(1)"><tr><td>x</td></tr></table>',
    '<img src="x" data-remote-src="javascript:alert(1)">',
    '<a href="#" onclick="alert(1)">x</a>',
    "<template><img src=x onerror=alert(1)></template>",
    '<textarea><img src=x onerror=alert(1)></textarea>',
    '<xmp><img src=x onerror=alert(1)></xmp>',
    "<!--<img src=x onerror=alert(1)>-->",
    '<img src="https://a.example/x.gif" srcset="https://tracker.example/y.gif 2x">',
  ];
  it.each(vectors)("%s", (vector) => {
    const out = clean(vector);
    expectInert(out);
    expect(out).not.toMatch(/alert|attacker\.example|tracker\.example\/y/);
  });

  it("does not let a supplied data-remote-src through", () => {
    const out = clean('<img src="cid:a@b" data-remote-src="javascript:alert(1)">');
    expect(out).toBe('<img src="cid:a@b" />');
  });
});

describe("sanitizeHtml: harmless markup is kept", () => {
  it("keeps formatting, lists, tables, headings and pre/code", () => {
    const html = "<h2>T</h2><p><b>b</b> <strong>s</strong> <i>i</i> <em>e</em> <u>u</u></p><ol><li>1</li></ol><ul><li>2</li></ul><blockquote>q</blockquote><pre><code>x  y</code></pre><hr /><table><tr><td>c</td></tr></table><div><span><font color=\"red\">f</font></span></div>";
    expect(clean(html)).toBe(html);
  });

  it("forces links to open in a new tab without an opener", () => {
    expect(clean('<a href="https://status.example.com/x" target="_self">s</a>')).toBe(
      '<a href="https://status.example.com/x" target="_blank" rel="noopener noreferrer">s</a>',
    );
    expect(clean('<a href="mailto:a@example.com">m</a>')).toContain('href="mailto:a@example.com"');
  });

  it("keeps only safe inline styles", () => {
    expect(clean('<p style="color: red; font-weight: bold; position: fixed">x</p>')).toBe('<p style="color:red;font-weight:bold">x</p>');
  });

  it("keeps quote markers but no other classes or ids", () => {
    expect(clean('<div class="gmail_quote big-red" id="x">q</div>')).toBe('<div class="gmail_quote">q</div>');
    expect(clean('<div id="divRplyFwdMsg">q</div>')).toBe('<div id="divRplyFwdMsg">q</div>');
    expect(clean('<a id="csrf" name="x" href="https://a.example/">l</a><img id="y" src="cid:c@d">')).toBe(
      '<a href="https://a.example/" target="_blank" rel="noopener noreferrer">l</a><img src="cid:c@d" />',
    );
    expect(clean('<blockquote type="cite">q</blockquote>')).toBe('<blockquote type="cite">q</blockquote>');
  });

  it("keeps cid: and data:image images, drops relative image URLs", () => {
    expect(clean('<img src="cid:image001.png@01DB8C2A.5E3F1A40" alt="x">')).toBe('<img src="cid:image001.png@01DB8C2A.5E3F1A40" alt="x" />');
    expect(clean('<img src="data:image/png;base64,iVBORw0KGgo=">')).toBe('<img src="data:image/png;base64,iVBORw0KGgo=" />');
    expect(clean('<img src="/local.png">')).toBe("<img />");
  });

  it("keeps text that merely looks like markup as text", () => {
    expect(clean("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>")).toBe("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>");
  });
});

describe("sanitizeHtml: remote images are blocked until the agent allows them", () => {
  it("moves http(s) and protocol-relative src into data-remote-src", () => {
    const result = sanitizeHtml('<img src="https://tracker.example/p.gif" width="1" height="1"><img src="//cdn.example/x.png">');
    expect(result.hasRemoteImages).toBe(true);
    expect(result.html).toBe(
      `<img src="${BLOCKED_IMAGE_PLACEHOLDER}" width="1" height="1" ${REMOTE_SRC_ATTR}="https://tracker.example/p.gif" />` +
        `<img src="${BLOCKED_IMAGE_PLACEHOLDER}" ${REMOTE_SRC_ATTR}="https://cdn.example/x.png" />`,
    );
  });

  it("reports no remote images when there are none", () => {
    expect(sanitizeHtml('<p>hi <img src="cid:a@b"></p>').hasRemoteImages).toBe(false);
  });

  it("is generic: the same call serves API HTML", () => {
    expect(sanitizeHtml('<p onclick="x()">From the API</p>')).toEqual({ html: "<p>From the API</p>", hasRemoteImages: false });
  });
});
