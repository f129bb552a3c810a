// /tickets/queues/<id>/edit: change or delete a saved queue (its owner or an admin). Built-in
// queues and colleagues' shared queues say why they cannot be changed here.
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import { PageHeader } from "@/components/admin/page-header";
import { QueueEditor } from "@/components/queues/queue-editor";
import { requirePageStaff } from "@/lib/auth/page-session";
import { AppError } from "@/lib/http/errors";
import { getQueue, queueColumns, queueIdParams } from "@/lib/queues";
import { criteriaToQuery } from "@/lib/search";
import { listOptions } from "../../../../_lib/list-data";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

// Keyed on the id string (React's cache compares arguments by identity): one lookup for the
// metadata and the page.
const findQueue = cache(async (id: string) => {
  const staff = await requirePageStaff();
  const parsed = queueIdParams.safeParse({ id });
  if (!parsed.success) notFound();
  const db = await getDb();
  try {
    return { staff, db, queue: await getQueue(db, staff, parsed.data.id) };
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  }
});

const load = async (params: Props["params"]) => findQueue((await params).id);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { queue } = await load(params);
  return { title: `Edit ${queue.name}` };
}

const linkClass = "inline-flex h-8 items-center rounded border border-slate-300 bg-white px-3 font-medium hover:bg-slate-50";

export default async function EditQueuePage({ params }: Props) {
  const { staff, db, queue } = await load(params);
  if (!queue.canEdit || typeof queue.id === "string") {
    const why =
      queue.kind === "system"
        ? `“${queue.name}” is a built-in queue: it cannot be edited or deleted. Save a copy of its criteria as your own queue instead.`
        : `“${queue.name}” is ${queue.owner?.name ?? "a colleague"}'s shared queue: only they or an administrator can change or delete it. You can save a copy as your own.`;
    return (
      <section className="mx-auto max-w-3xl">
        <PageHeader title={`Edit ${queue.name}`} />
        <div role="note" data-testid="queue-locked" className="rounded border border-amber-200 bg-amber-50 p-4 text-amber-950">
          <p>{why}</p>
          <div className="mt-3 flex gap-2">
            <Link href={`/tickets/queues/new?from=${queue.id}`} className={linkClass}>
              Copy as my queue
            </Link>
            <Link href={`/tickets?queue=${queue.id}`} className={linkClass}>
              Back to the queue
            </Link>
          </div>
        </div>
      </section>
    );
  }
  return (
    <section className="mx-auto max-w-6xl">
      <PageHeader title={`Edit ${queue.name}`} description={queue.kind === "shared" ? "Shared: every colleague sees this queue, each with their own tickets." : "Personal: only you see this queue."} />
      {queue.criteriaErrors && (
        <div role="alert" data-testid="queue-criteria-errors" className="mb-4 rounded border border-amber-200 bg-amber-50 p-3 text-amber-950">
          <p className="font-medium">The saved criteria of this queue are no longer valid, so they are not shown below. Choose new ones and save, or delete the queue.</p>
          <ul className="mt-1 list-disc pl-5 text-sm">
            {Object.entries(queue.criteriaErrors).map(([field, message]) => (
              <li key={field}>
                <span className="font-mono">{field.replace(/^criteria\./, "")}</span>: {message}
              </li>
            ))}
          </ul>
        </div>
      )}
      <QueueEditor
        queueId={queue.id}
        initial={{ name: queue.name, shared: queue.kind === "shared", criteria: criteriaToQuery(queue.criteria), columns: queue.columns }}
        allColumns={queueColumns}
        options={await listOptions(db, staff)}
      />
    </section>
  );
}
