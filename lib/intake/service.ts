// POST /api/tickets.json|.xml: read the body (size-capped), parse it in the format the path
// names, validate, and create the ticket through createTicket.
import { type Db, getDb } from "@/db/client";
import type { ApiKeyRow } from "@/lib/api-keys";
import { getSettings } from "@/lib/config/settings";
import { AppError } from "@/lib/http/errors";
import { isBanned } from "@/lib/inbound/rules";
import { kickMailSender } from "@/lib/mail";
import { createTicket } from "@/lib/tickets/create";
import { loadCatalog } from "@/lib/tickets/create-defaults";
import { readBodyLimited } from "./body";
import { readApiTicket } from "./fields";
import { parseJsonRequest } from "./json";
import type { Warning } from "./respond";
import { parseXmlRequest } from "./xml";

export interface ApiTicketCreated {
  number: string;
  tid: number;
  warnings: Warning[];
  droppedAttachments: Array<{ name: string; size: number; reason: string; message: string }>;
  [k: string]: unknown;
}

export async function createTicketFromRequest(
  db: Db,
  req: Request,
  ctx: { format: "json" | "xml"; key: ApiKeyRow; ip: string | null },
): Promise<ApiTicketCreated> {
  const settings = await getSettings(db);
  const body = await readBodyLimited(req, settings.maxRequestBytes);
  const raw = ctx.format === "json" ? parseJsonRequest(body, req.headers.get("content-type")) : parseXmlRequest(body);
  const t = readApiTicket(raw, await loadCatalog(db));
  // osTicket applies its ban list to every channel, not only email.
  if (isBanned(t.email, settings.banList)) throw new AppError("forbidden", `Banned email address: ${t.email}`, { errors: { email: "This address is banned" } });
  const result = await createTicket(db, {
    user: { email: t.email, name: t.name, phone: t.phone },
    subject: t.subject,
    body: t.body,
    source: t.source,
    topicId: t.topicId,
    priorityId: t.priorityId,
    dueAt: t.dueAt,
    ip: t.ip ?? ctx.ip,
    files: t.files,
    internalNote: t.notes,
    email: { hasRemoteImages: t.body.hasRemoteImages },
    actor: { actor: `api:${ctx.key.prefix}` },
    alert: t.alert,
    autorespond: t.autorespond,
  });
  if (result.mail.autoResponse?.mail || result.mail.alert?.mail) kickMailSender(getDb);
  const dropped = result.dropped.map((d) => ({ name: d.name, size: d.size, reason: d.reason, message: d.message }));
  return {
    number: result.ticket.number,
    tid: result.ticket.id,
    warnings: [...t.warnings, ...dropped.map((d) => ({ field: "attachments", message: d.message }))],
    droppedAttachments: dropped,
  };
}
