// Renders the editable mail templates. A template is text with %{name} placeholders; the HTML
// version escapes the text and inserts the HTML form of values that have one (the message body).
export interface TemplateValue {
  text: string;
  /** Already safe HTML (sanitized); when absent the text is escaped. */
  html?: string;
}

export type TemplateVars = Record<string, string | TemplateValue | null | undefined>;

const PLACEHOLDER = /%\{([a-z0-9_.]+)\}/gi;

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

const textToHtml = (s: string) => escapeHtml(s).replace(/\r?\n/g, "<br>\n");

function value(vars: TemplateVars, name: string): TemplateValue | null {
  const v = vars[name];
  if (v === undefined) return null;
  if (v === null) return { text: "" };
  return typeof v === "string" ? { text: v } : v;
}

/** Fills a one-line template (subjects): values are inserted as text, line breaks removed. */
export function renderLine(template: string, vars: TemplateVars): string {
  return template
    .replace(PLACEHOLDER, (whole, name: string) => value(vars, name)?.text ?? whole)
    .replace(/\s+/g, " ")
    .trim();
}

/** Fills a body template; unknown placeholders are left visible so an admin notices them. */
export function renderBody(template: string, vars: TemplateVars): { text: string; html: string } {
  let text = "";
  let html = "";
  let last = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    const literal = template.slice(last, m.index);
    text += literal;
    html += textToHtml(literal);
    const v = value(vars, m[1]);
    if (v) {
      text += v.text;
      html += v.html ?? textToHtml(v.text);
    } else {
      text += m[0];
      html += escapeHtml(m[0]);
    }
    last = m.index + m[0].length;
  }
  const rest = template.slice(last);
  text += rest;
  html += textToHtml(rest);
  return { text: text.replace(/\n{3,}/g, "\n\n").trim() + "\n", html: `<div>${html}</div>` };
}

/** Puts the reply separator on top so the client's reply lands above it. */
export function withReplySeparator(body: { text: string; html: string }, separator: string): { text: string; html: string } {
  if (!separator.trim()) return body;
  return {
    text: `${separator}\n\n${body.text}`,
    html: `<div style="color:#888888;font-size:12px">${escapeHtml(separator)}</div><br>${body.html}`,
  };
}
