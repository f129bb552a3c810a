// Checks that the ticket exists within the caller's scope before anything streams, so a ticket
// of another department answers a real 404 status (the page itself renders under loading.tsx).
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { requirePageStaff } from "@/lib/auth/page-session";
import { AppError } from "@/lib/http/errors";
import { loadTicketHeader, tidParams } from "@/lib/tickets";

export default async function TicketLayout({ children, params }: { children: React.ReactNode; params: Promise<{ tid: string }> }) {
  const parsed = tidParams.safeParse(await params);
  if (!parsed.success) notFound();
  const staff = await requirePageStaff();
  try {
    await loadTicketHeader(await getDb(), staff, parsed.data.tid);
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  }
  return children;
}
