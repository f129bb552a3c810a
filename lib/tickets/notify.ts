// Mail to staff about a ticket (assigned to you, or to your team), as outbound mail rows in the
// same transaction as the change: exactly one per successful assignment, none for a refused one.
// The notifications issue adds the bell and per-person preferences on top of these events.
import { and, eq, ne } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { staff, teamMembers } from "@/db/schema";
import { getSettings } from "@/lib/config/settings";
import { queueMail, taggedSubject, ticketUrl } from "@/lib/mail";
import type { Actor } from "./actor";
import type { TicketRow } from "./lock";

export async function notifyAssignment(tx: Executor, actor: Actor, t: TicketRow, target: { kind: "staff" | "team"; id: number; label: string }) {
  const recipients =
    target.kind === "staff"
      ? await tx.select({ email: staff.email }).from(staff).where(and(eq(staff.id, target.id), eq(staff.isActive, true), ne(staff.id, actor.id)))
      : await tx
          .select({ email: staff.email })
          .from(teamMembers)
          .innerJoin(staff, eq(staff.id, teamMembers.staffId))
          .where(and(eq(teamMembers.teamId, target.id), eq(staff.isActive, true), ne(staff.id, actor.id)));
  if (!recipients.length) return null;
  const settings = await getSettings(tx);
  const whom = target.kind === "staff" ? "you" : `your team ${target.label}`;
  const text = `${actor.name} assigned ticket #${t.number} to ${whom}.\n\n${t.subject}\n\n${ticketUrl(t.id)}\n`;
  return queueMail(tx, {
    kind: "notification",
    ticketId: t.id,
    to: recipients.map((r) => r.email),
    subject: taggedSubject(`Assigned to ${whom}: ${t.subject}`, t.number),
    text,
    supportAliases: settings.supportAddresses,
  });
}

/** Staff named in a note with @first.last, @first or @email-local-part (active staff only). */
export async function findMentions(db: Executor, text: string): Promise<Array<{ id: number; name: string }>> {
  const tokens = [...new Set([...text.matchAll(/(?:^|[\s(])@([\p{L}\p{N}._-]{2,64})/gu)].map((m) => m[1].toLowerCase().replace(/[._-]+$/, "")))];
  if (!tokens.length) return [];
  const people = await db.select({ id: staff.id, name: staff.name, email: staff.email }).from(staff).where(eq(staff.isActive, true));
  const key = (s: string) => s.toLowerCase().replace(/\s+/g, ".");
  return people
    .filter((p) => {
      const names = [key(p.name), key(p.name).split(".")[0], p.email.toLowerCase().split("@")[0]];
      return tokens.some((t) => names.includes(t));
    })
    .map(({ id, name }) => ({ id, name }));
}
