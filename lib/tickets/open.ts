// Staff open a ticket on behalf of a user (found or created by email) through the same
// createTicket every door uses; the ticket must land in a department the caller works in.
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { departments } from "@/db/schema";
import type { FileInput } from "@/lib/attachments";
import { hasDeptAccess } from "@/lib/auth";
import { AppError } from "@/lib/http/errors";
import { type Actor, actorScope } from "./actor";
import { createTicket } from "./create";
import { entryBody } from "./entry-body";
import { ticketEvent } from "./events";
import { ticketTransaction, updateTicket } from "./lock";
import type { StaffOpenTicketInput } from "./schemas";

export async function openTicketForUser(db: Db, actor: Actor, input: StaffOpenTicketInput, files: FileInput[] = []) {
  return ticketTransaction(db, async (tx) => {
    const created = await createTicket(tx, {
      user: { email: input.email, name: input.name || null, phone: input.phone || null },
      subject: input.subject,
      body: entryBody(input.message, input.format),
      source: input.source,
      deptId: input.deptId ?? null,
      topicId: input.topicId ?? null,
      priorityId: input.priorityId ?? null,
      dueAt: input.dueAt ?? null,
      collaborators: input.collaborators,
      internalNote: input.internalNote ?? null,
      files,
      actor: { staffId: actor.id },
      autorespond: input.autorespond,
      // Staff in the department hear about new tickets; the one opening it already knows.
      alert: true,
    });
    let ticket = created.ticket;
    if (!hasDeptAccess(actorScope(actor), ticket.deptId)) {
      const [d] = await tx.select({ name: departments.name }).from(departments).where(eq(departments.id, ticket.deptId));
      throw new AppError("forbidden", `You do not work in ${d?.name ?? "that department"}; choose one of yours`, { errors: { deptId: "Not one of your departments" } });
    }
    if (input.assignToMe) {
      ticket = await updateTicket(tx, ticket.id, { staffId: actor.id });
      await ticketEvent(tx, actor, ticket.id, "claimed", { before: { staffId: null }, after: { staffId: actor.id } });
    }
    return { ticket, user: { id: created.user.id, name: created.user.name, email: created.user.email }, dropped: created.dropped };
  });
}
