// /tickets/queues/new: a new saved queue, empty, from search criteria in the address, or a copy
// of another queue (?from=<id>, e.g. of a built-in one).
import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { PageHeader } from "@/components/admin/page-header";
import { QueueEditor } from "@/components/queues/queue-editor";
import { requirePageStaff } from "@/lib/auth/page-session";
import { defaultColumns, getQueue, queueColumns, queueIdParams } from "@/lib/queues";
import { criteriaToQuery } from "@/lib/search";
import { readCriteriaParams } from "@/lib/search/params";
import { listOptions } from "../../../_lib/list-data";

export const metadata: Metadata = { title: "New queue" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function NewQueuePage({ searchParams }: Props) {
  const staff = await requirePageStaff();
  const sp = await searchParams;
  const db = await getDb();
  const from = queueIdParams.safeParse({ id: sp.from });
  // A queue the caller cannot see is simply not copied.
  const source = from.success ? await getQueue(db, staff, from.data.id).catch(() => null) : null;
  const initial = source
    ? { name: `${source.name} (copy)`, shared: false, criteria: criteriaToQuery(source.criteria), columns: source.columns }
    : { name: "", shared: false, criteria: readCriteriaParams(sp), columns: defaultColumns };
  return (
    <section className="mx-auto max-w-6xl">
      <PageHeader title="New queue" description="A saved search in your sidebar, with its live count. Shared queues show for every colleague, each with their own tickets." />
      <QueueEditor initial={initial} allColumns={queueColumns} options={await listOptions(db, staff)} />
    </section>
  );
}
