// HTML sanitiser for any untrusted HTML (inbound mail, API payloads): allow-list markup, block remote images.
import sanitize from "sanitize-html";

/** Attribute that carries a blocked remote image URL; the panel copies it to `src` when the agent allows remote content. */
export const REMOTE_SRC_ATTR = "data-remote-src";
/** 1×1 transparent GIF shown in place of a blocked remote image (sized by the img's width/height). */
export const BLOCKED_IMAGE_PLACEHOLDER = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7";

export interface SanitizedHtml {
  html: string;
  /** True when at least one remote image was blocked. */
  hasRemoteImages: boolean;
}

const ALLOWED_TAGS = [
  "a", "abbr", "address", "b", "big", "blockquote", "br", "caption", "center", "cite", "code",
  "col", "colgroup", "dd", "del", "div", "dl", "dt", "em", "font", "h1", "h2", "h3", "h4", "h5",
  "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "samp", "small",
  "span", "strike", "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr",
  "tt", "u", "ul",
];

// Dropped together with everything inside them: executable or foreign-content containers whose
// text would be noise, and the math/svg/style/noscript parsing differentials behind mXSS.
const DROP_WITH_CONTENT = [
  "script", "style", "textarea", "option", "select", "noscript", "noembed", "noframes", "xmp",
  "plaintext", "title", "head", "template", "iframe", "frame", "frameset", "object", "embed",
  "applet", "svg", "math", "form", "button", "audio", "video", "canvas", "map",
];

// Quote markers the reply detector (quotes.ts) looks for; every other class or id is dropped so
// mail cannot restyle or clobber the panel.
const QUOTE_CLASSES = ["gmail_quote", "gmail_quote_container", "gmail_attr", "moz-cite-prefix", "yahoo_quoted", "protonmail_quote", "OutlookMessageHeader"];
const QUOTE_IDS = new Set(["divRplyFwdMsg", "appendonsend", "OLK_SRC_BODY_SECTION", "stopSpelling", "reply-intro", "x_divRplyFwdMsg"]);

// CSS values with no way to fetch or execute anything: no url(), expression(), escapes or comments.
const SAFE_CSS_VALUE = /^(?![\s\S]*(?:url\s*\(|expression|javascript|vbscript|behavior|binding|@import|\\|\/\*))[-#%.,'"()!\w\s]{0,200}$/i;
const STYLE_PROPERTIES = [
  "color", "background-color", "font-family", "font-size", "font-style", "font-weight",
  "text-align", "text-decoration", "text-transform", "line-height", "letter-spacing",
  "vertical-align", "white-space", "direction", "list-style-type",
  "margin", "margin-top", "margin-right", "margin-bottom", "margin-left",
  "padding", "padding-top", "padding-right", "padding-bottom", "padding-left",
  "border", "border-top", "border-right", "border-bottom", "border-left", "border-color",
  "border-style", "border-width", "border-collapse", "border-spacing",
  "width", "max-width", "min-width", "height", "max-height", "min-height",
];
const ALLOWED_STYLES = { "*": Object.fromEntries(STYLE_PROPERTIES.map((p) => [p, [SAFE_CSS_VALUE]])) };

const DATA_IMAGE = /^data:image\/(?:png|gif|jpe?g|webp|bmp);base64,[a-z0-9+/=\s]*$/i;

function isRemoteUrl(url: string): boolean {
  return /^(?:https?:)?\/\//i.test(url);
}

/** Browsers ignore ASCII whitespace and control characters around and inside a scheme. */
function normaliseUrl(value: string): string {
  return value.replace(/^[\x00-\x20\x7f]+|[\x00-\x20\x7f]+$/g, "");
}

function schemeOf(url: string): string | null {
  const compact = url.replace(/[\x00-\x20\x7f]/g, "");
  const m = /^([a-z][a-z0-9+.-]*):/i.exec(compact);
  return m ? m[1].toLowerCase() : null;
}

/**
 * Sanitises untrusted HTML for display in the panel. Generic: used for inbound mail and for HTML
 * sent through the JSON/XML API. Remote images are not loaded: their URL moves to
 * `data-remote-src` and `src` becomes a transparent placeholder; `cid:` images stay for the caller
 * to rewrite (see rewriteCidUrls).
 */
export function sanitizeHtml(dirty: string): SanitizedHtml {
  let hasRemoteImages = false;
  const html = sanitize(dirty, {
    allowedTags: ALLOWED_TAGS,
    nonTextTags: DROP_WITH_CONTENT,
    disallowedTagsMode: "discard",
    enforceHtmlBoundary: false,
    allowedAttributes: {
      "*": ["style", "class", "id", "dir", "lang", "title", "align", "valign"],
      a: ["href", "target", "rel"],
      img: ["src", "alt", "width", "height", "border", REMOTE_SRC_ATTR],
      font: ["color", "face", "size"],
      table: ["border", "cellpadding", "cellspacing", "width", "bgcolor"],
      td: ["colspan", "rowspan", "width", "height", "bgcolor", "nowrap"],
      th: ["colspan", "rowspan", "width", "height", "bgcolor", "nowrap", "scope"],
      col: ["span", "width"],
      colgroup: ["span", "width"],
      ol: ["start", "type", "reversed"],
      ul: ["type"],
      li: ["value"],
      blockquote: ["type"],
    },
    allowedClasses: { "*": QUOTE_CLASSES },
    allowedStyles: ALLOWED_STYLES,
    allowedSchemes: ["http", "https", "mailto", "tel"],
    allowedSchemesByTag: { img: ["http", "https", "cid", "data"] },
    allowedSchemesAppliedToAttributes: ["href", "src", "cite", "action", "background", "poster"],
    allowProtocolRelative: false,
    transformTags: {
      "*": (tagName, attribs) => {
        if (attribs.id !== undefined && !QUOTE_IDS.has(attribs.id)) delete attribs.id;
        return { tagName, attribs };
      },
      a: (tagName, attribs) => {
        const href = attribs.href === undefined ? undefined : normaliseUrl(attribs.href);
        const next: sanitize.Attributes = { ...attribs, target: "_blank", rel: "noopener noreferrer" };
        if (href === undefined || !["http", "https", "mailto", "tel", null].includes(schemeOf(href))) delete next.href;
        else next.href = href;
        return { tagName, attribs: next };
      },
      img: (tagName, attribs) => {
        const next: sanitize.Attributes = { ...attribs };
        delete next[REMOTE_SRC_ATTR];
        const src = next.src === undefined ? "" : normaliseUrl(next.src);
        const scheme = schemeOf(src);
        if (isRemoteUrl(src)) {
          hasRemoteImages = true;
          next[REMOTE_SRC_ATTR] = src.startsWith("//") ? `https:${src}` : src;
          next.src = BLOCKED_IMAGE_PLACEHOLDER;
        } else if (scheme === "cid" || (scheme === "data" && DATA_IMAGE.test(src))) {
          next.src = src;
        } else {
          delete next.src;
        }
        return { tagName, attribs: next };
      },
    },
  });
  return { html, hasRemoteImages };
}
