// Fills %{name} variables in a canned response. Values are HTML-escaped for HTML bodies; an
// unknown variable is left as written and reported, so a typo is visible rather than silent.
export const cannedVariables = [
  "ticket.number",
  "ticket.subject",
  "ticket.status",
  "ticket.priority",
  "ticket.dept",
  "ticket.topic",
  "ticket.due",
  "ticket.created",
  "ticket.assignee",
  "user.name",
  "user.firstname",
  "user.email",
  "user.phone",
  "org.name",
  "staff.name",
  "staff.firstname",
  "staff.email",
  "staff.signature",
  "dept.name",
  "dept.signature",
] as const;
export type CannedVariable = (typeof cannedVariables)[number];

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

export function fillVariables(body: string, values: Partial<Record<CannedVariable, string | null>>, format: "text" | "html") {
  const unknown = new Set<string>();
  const filled = body.replace(/%\{\s*([a-zA-Z_.]+)\s*\}/g, (whole, name: string) => {
    const key = name.toLowerCase() as CannedVariable;
    if (!(cannedVariables as readonly string[]).includes(key)) {
      unknown.add(name);
      return whole;
    }
    const value = values[key] ?? "";
    if (format !== "html") return value;
    // Signatures are multi-line text; keep their lines in HTML.
    return escapeHtml(value).replace(/\r?\n/g, "<br>");
  });
  return { body: filled, unknownVariables: [...unknown] };
}

export const firstName = (name: string | null | undefined) => (name ?? "").trim().split(/\s+/)[0] ?? "";
