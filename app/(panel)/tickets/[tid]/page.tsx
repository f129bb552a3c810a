// /tickets/<tid>: rendered on the server from lib/tickets; the client parts (actions, composer,
// change notice) get the version the page was rendered at and work through /api/staff.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import { ChangeNotice } from "@/components/tickets/change-notice";
import { CollaboratorsPanel } from "@/components/tickets/collaborators-panel";
import { Composer } from "@/components/tickets/composer";
import { TicketProvider, type TicketView } from "@/components/tickets/ticket-context";
import { TicketHeader } from "@/components/tickets/ticket-header";
import { TicketOutcome } from "@/components/tickets/ticket-outcome";
import { EventsTimeline, TicketRelations } from "@/components/tickets/ticket-side";
import { TicketTasks } from "@/components/tickets/ticket-tasks";
import { TicketThread } from "@/components/tickets/ticket-thread";
import { TicketToolbar } from "@/components/tickets/ticket-toolbar";
import { requirePageStaff } from "@/lib/auth/page-session";
import { roleCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/http/errors";
import { type TicketDetail, getTicketDetail, tidParams } from "@/lib/tickets";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ tid: string }> };

// Metadata and page share one load per request.
const loadTicket = cache(async (tid: number) => {
  const staff = await requirePageStaff();
  try {
    return { staff, ticket: await getTicketDetail(await getDb(), staff, tid) };
  } catch (e) {
    // Outside the caller's scope looks exactly like a ticket that does not exist.
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  }
});

async function load(params: Props["params"]) {
  const parsed = tidParams.safeParse(await params);
  if (!parsed.success) notFound();
  return loadTicket(parsed.data.tid);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { ticket } = await load(params);
  return { title: `#${ticket.number} ${ticket.subject}` };
}

function viewOf(t: TicketDetail, staff: { id: number; timezone: string }): TicketView {
  return {
    id: t.id,
    number: t.number,
    subject: t.subject,
    version: t.version,
    renderedAt: new Date().toISOString(),
    status: t.status,
    deptId: t.department.id,
    staffId: t.assignee.staff?.id ?? null,
    teamId: t.assignee.team?.id ?? null,
    priorityId: t.priority.id,
    topicId: t.topic?.id ?? null,
    dueAt: t.dueAt?.toISOString() ?? null,
    user: { id: t.user.id, name: t.user.name, email: t.user.email },
    collaborators: t.collaborators,
    can: t.can,
    meId: staff.id,
    zone: staff.timezone,
  };
}

export default async function TicketPage({ params }: Props) {
  const { staff, ticket } = await load(params);
  const zone = staff.timezone;
  return (
    <TicketProvider ticket={viewOf(ticket, staff)}>
      <div className="mx-auto max-w-7xl space-y-3">
        <ChangeNotice />
        <TicketHeader ticket={ticket} zone={zone} />
        <TicketToolbar />
        <TicketOutcome />
        <div className="grid gap-4 xl:grid-cols-[minmax(0,1fr)_20rem]">
          <div className="min-w-0 space-y-4">
            <TicketThread ticket={ticket} zone={zone} />
            <Composer />
          </div>
          <aside aria-label="Ticket details" className="space-y-3">
            <CollaboratorsPanel />
            <TicketTasks ticket={ticket} zone={zone} canCreate={roleCan(staff.role, "tasks.create")} />
            <TicketRelations ticket={ticket} />
            <EventsTimeline ticket={ticket} zone={zone} />
          </aside>
        </div>
      </div>
    </TicketProvider>
  );
}
