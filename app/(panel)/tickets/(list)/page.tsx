// /tickets?queue=<id> (default: open): the queue view. The first page of tickets and the
// queue list (the sidebar's counts) are read here and handed to the browser's query cache.
// The queue is looked up before anything streams, so an unknown queue (or another member's
// personal one) answers a real 404; the rest loads under the Suspense boundary below, which
// takes the place of a loading.tsx (a layout cannot read ?queue=, and a loading.tsx would start
// the response before the lookup). (list) is a route group so /tickets/<tid> has its own.
import { HydrationBoundary, QueryClient, dehydrate } from "@tanstack/react-query";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense, cache } from "react";
import { getDb } from "@/db/client";
import { QueueView } from "@/components/tickets/list/queue-view";
import { LoadingState } from "@/components/ui/states";
import { requirePageStaff } from "@/lib/auth/page-session";
import { roleCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/http/errors";
import { defaultColumns, getQueue, listQueues, queueIdParams, queueTickets } from "@/lib/queues";
import { queueKeys } from "@/lib/queues/client";
import { LIST_PAGE_SIZE } from "@/lib/search/client";
import { readCriteriaParams } from "@/lib/search/params";
import { criteriaSchema } from "@/lib/search";
import { asJson, listAbilities, listOptions } from "../../_lib/list-data";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// Keyed on the id as written (React's cache compares arguments by identity), so the metadata
// and the page share one lookup.
const findQueue = cache(async (raw: string) => {
  const staff = await requirePageStaff();
  const parsed = queueIdParams.safeParse({ id: raw });
  if (!parsed.success) notFound();
  const db = await getDb();
  try {
    return { staff, db, id: parsed.data.id, queue: await getQueue(db, staff, parsed.data.id) };
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  }
});

async function load(searchParams: Props["searchParams"]) {
  const sp = await searchParams;
  return { sp, ...(await findQueue((Array.isArray(sp.queue) ? sp.queue[0] : sp.queue) || "open")) };
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { queue } = await load(searchParams);
  return { title: queue.name };
}

export default async function TicketsPage({ searchParams }: Props) {
  const loaded = await load(searchParams);
  return (
    <Suspense fallback={<LoadingState label="Loading tickets…" />}>
      <QueueData {...loaded} />
    </Suspense>
  );
}

async function QueueData({ staff, sp, db, id, queue }: Awaited<ReturnType<typeof load>>) {
  const params = readCriteriaParams(sp);
  const qc = new QueryClient();
  const refine = criteriaSchema.safeParse(params);
  const [page, queues, options] = await Promise.all([
    // Filters that do not parse are left to the browser, which shows the API's field errors.
    refine.success ? queueTickets(db, staff, id, { limit: LIST_PAGE_SIZE }, new Date(), refine.data).catch(() => null) : null,
    listQueues(db, staff),
    listOptions(db, staff),
  ]);
  if (page) qc.setQueryData(queueKeys.tickets(id, params, null), asJson(page));
  qc.setQueryData(queueKeys.list(), asJson(queues));
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <QueueView
        queue={asJson(queue)}
        defaultColumns={defaultColumns}
        zone={staff.timezone}
        options={options}
        can={{ ...listAbilities(staff.role), create: roleCan(staff.role, "tickets.create") }}
      />
    </HydrationBoundary>
  );
}
