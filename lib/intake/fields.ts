// The osTicket API's ticket fields, validated: name, email, phone, notes, subject, message,
// topicId, priorityId (and priority), source, ip, alert, autorespond, duedate, attachments.
// Every problem is collected so one 400 names every bad field; unknown keys are warnings.
import { z } from "zod";
import ipaddr from "ipaddr.js";
import { ticketSources, type TicketSource } from "@/db/enums";
import type { FileInput } from "@/lib/attachments";
import { AppError, type FieldErrors, zodFieldErrors } from "@/lib/http/errors";
import { type Catalog, findPriority } from "@/lib/tickets/create-defaults";
import { emailSchema, subjectSchema } from "@/lib/tickets/create-schema";
import { cleanStrings, cleanText } from "@/lib/http/clean-text";
import { MAX_DB_ID } from "@/lib/http/ids";
import { DataUriError, dataUriBytes, dataUriText, decodeBase64Strict, parseDataUri } from "./data-uri";
import { messageBody } from "./message-body";
import type { Warning } from "./respond";
import type { XmlMessage } from "./xml";

export const KNOWN_FIELDS = [
  "name", "email", "phone", "notes", "subject", "message", "topicId", "priorityId", "priority",
  "source", "ip", "alert", "autorespond", "duedate", "attachments",
] as const;

/** true/false, "true"/"false", 1/0, "1"/"0", "yes"/"no", "on"/"off" (osTicket clients send all of them). */
const booleanish = z.union([z.boolean(), z.number(), z.string()]).transform((v, ctx) => {
  const s = String(v).trim().toLowerCase();
  if (["true", "1", "yes", "on"].includes(s)) return true;
  if (["false", "0", "no", "off", ""].includes(s)) return false;
  ctx.addIssue({ code: "custom", message: "Must be true or false" });
  return z.NEVER;
});

const optionalText = (max: number, label: string) =>
  z.union([z.string(), z.number()], { error: `${label} must be text` }).transform(String).pipe(z.string().max(max, `${label} is too long (maximum ${max} characters)`)).optional();

const positiveId = (label: string) =>
  z.union([z.number(), z.string()]).transform((v, ctx) => {
    const s = String(v).trim();
    if (/^\d+$/.test(s) && Number(s) > 0 && Number(s) <= MAX_DB_ID) return Number(s);
    ctx.addIssue({ code: "custom", message: `Unknown ${label}: ${JSON.stringify(v)}` });
    return z.NEVER;
  });

const apiFieldsSchema = z.object({
  name: optionalText(200, "Name"),
  email: emailSchema,
  phone: optionalText(50, "Phone"),
  notes: optionalText(100_000, "Notes"),
  subject: subjectSchema,
  topicId: positiveId("help topic").optional(),
  source: z
    .string({ error: "Source must be text" })
    .transform((s) => s.trim().toLowerCase())
    .pipe(z.enum(ticketSources, { error: `Source must be one of: ${ticketSources.join(", ")}` }))
    .optional(),
  ip: z
    .string({ error: "IP must be text" })
    .trim()
    .refine((s) => s === "" || ipaddr.isValid(s), "Not a valid IP address")
    .optional(),
  alert: booleanish.optional(),
  autorespond: booleanish.optional(),
  duedate: z
    .union([z.string(), z.number()])
    .transform((v, ctx) => {
      const d = new Date(typeof v === "number" ? v * 1000 : v);
      if (Number.isNaN(d.getTime())) {
        ctx.addIssue({ code: "custom", message: "Not a valid date (use ISO 8601, e.g. 2025-03-31T17:00:00Z)" });
        return z.NEVER;
      }
      return d;
    })
    .optional(),
});

export interface ApiTicket {
  name?: string;
  email: string;
  phone?: string;
  notes?: string;
  subject: string;
  body: ReturnType<typeof messageBody>;
  topicId?: number;
  priorityId?: number;
  source: TicketSource;
  ip?: string;
  alert: boolean;
  autorespond: boolean;
  dueAt?: Date;
  files: FileInput[];
  warnings: Warning[];
}

function readMessage(raw: unknown, errors: FieldErrors): ApiTicket["body"] | null {
  if (raw === undefined || raw === null) {
    errors.message = "Message is required";
    return null;
  }
  let content: string;
  let format: "text" | "html" = "text";
  try {
    if (typeof raw === "object" && (raw as XmlMessage).kind === "xml-message") {
      const m = raw as XmlMessage;
      const uri = parseDataUri(m.content);
      if (uri) {
        content = dataUriText(uri);
        format = uri.mime === "text/html" ? "html" : "text";
      } else {
        content = m.encoding?.toLowerCase() === "base64" ? decodeBase64Strict(m.content).toString("utf8") : m.content;
        format = m.type?.toLowerCase().includes("html") ? "html" : "text";
      }
    } else if (typeof raw === "string") {
      const uri = parseDataUri(raw);
      content = uri ? dataUriText(uri) : raw;
      format = uri?.mime === "text/html" ? "html" : "text";
    } else {
      errors.message = "Message must be text or a data: URI";
      return null;
    }
  } catch (e) {
    errors.message = e instanceof DataUriError ? `The data: URI ${e.message}` : "Message could not be decoded";
    return null;
  }
  const body = messageBody(cleanText(content), format);
  if (!body.text.trim() && !/<img/i.test(body.html)) {
    errors.message = "Message must not be empty";
    return null;
  }
  return body;
}

/** JSON: [{"name.png": "data:…"}] or [{name, type, data}]; XML: [{name, type, encoding, data}]. */
function readAttachments(raw: unknown, errors: FieldErrors): FileInput[] {
  if (raw === undefined || raw === null || raw === "") return [];
  if (!Array.isArray(raw)) {
    errors.attachments = 'Attachments must be a list like [{"file.png": "data:image/png;base64,…"}]';
    return [];
  }
  const files: FileInput[] = [];
  raw.forEach((item, i) => {
    const field = `attachments[${i}]`;
    if (!item || typeof item !== "object" || Array.isArray(item)) {
      errors[field] = 'Each attachment must be an object like {"file.png": "data:image/png;base64,…"}';
      return;
    }
    const obj = item as Record<string, unknown>;
    const explicit = "data" in obj && ("name" in obj || "type" in obj);
    const entries = Object.entries(obj);
    const name = explicit ? obj.name : entries.length === 1 ? entries[0][0] : undefined;
    const data = explicit ? obj.data : entries.length === 1 ? entries[0][1] : undefined;
    if (typeof name !== "string" || !name.trim()) {
      errors[field] = "Attachment needs a file name";
      return;
    }
    if (typeof data !== "string") {
      errors[field] = `Attachment "${name}" must be a data: URI or text`;
      return;
    }
    try {
      const uri = parseDataUri(data);
      if (uri) {
        files.push({ name, contentType: uri.mime, content: dataUriBytes(uri) });
      } else {
        const encoding = typeof obj.encoding === "string" ? obj.encoding.toLowerCase() : "";
        const content = encoding === "base64" ? decodeBase64Strict(data) : Buffer.from(data.trim(), "utf8");
        files.push({ name, contentType: typeof obj.type === "string" ? obj.type : "application/octet-stream", content });
      }
    } catch (e) {
      errors[field] = `Attachment "${name}": ${e instanceof DataUriError ? `data ${e.message}` : "could not be decoded"}`;
    }
  });
  return files;
}

/** Validates a parsed request (JSON or XML) against the catalog; throws a 400 naming every bad field. */
export function readApiTicket(input: Record<string, unknown>, catalog: Catalog): ApiTicket {
  const raw = cleanStrings(input);
  const errors: FieldErrors = {};
  const warnings: Warning[] = [];
  for (const key of Object.keys(raw)) {
    if (!(KNOWN_FIELDS as readonly string[]).includes(key)) warnings.push({ field: key, message: "Unknown field ignored" });
  }
  const picked = Object.fromEntries(Object.entries(raw).filter(([k]) => k in apiFieldsSchema.shape));
  const parsed = apiFieldsSchema.safeParse(picked);
  if (!parsed.success) Object.assign(errors, zodFieldErrors(parsed.error));
  const body = readMessage(raw.message, errors);
  const files = readAttachments(raw.attachments, errors);

  let priorityId: number | undefined;
  const priorityField = raw.priorityId !== undefined ? "priorityId" : raw.priority !== undefined ? "priority" : null;
  if (priorityField) {
    const ref = raw[priorityField];
    const p = typeof ref === "string" || typeof ref === "number" ? findPriority(catalog, ref) : null;
    if (p) priorityId = p.id;
    else errors[priorityField] = `Unknown priority: ${JSON.stringify(ref)}`;
  }
  const topicId = parsed.success ? parsed.data.topicId : undefined;
  if (topicId !== undefined && !catalog.topics.get(topicId)?.isActive) errors.topicId = `Unknown or inactive help topic: ${topicId}`;

  if (Object.keys(errors).length || !parsed.success || !body) throw AppError.fields(errors, "Unable to create new ticket: validation errors");
  const d = parsed.data;
  return {
    name: d.name && d.name.trim() ? d.name : undefined,
    email: d.email,
    phone: d.phone,
    notes: d.notes,
    subject: d.subject,
    body,
    topicId,
    priorityId,
    source: d.source ?? "api",
    ip: d.ip || undefined,
    alert: d.alert ?? true,
    autorespond: d.autorespond ?? true,
    dueAt: d.duedate,
    files,
    warnings,
  };
}
