// The side column: referrals, merged and linked tickets, and the events timeline.
import Link from "@/components/ui/link";
import { Time } from "@/components/ui/time";
import type { TicketDetail } from "@/lib/tickets";
import { describeEvent, statusLabel } from "./labels";

function actorName(e: TicketDetail["events"][number]): string {
  if (e.staff?.name) return e.staff.name;
  if (e.action === "message_added") return "Client";
  if (e.actor?.startsWith("api:")) return `API key ${e.actor.slice(4)}`;
  if (e.actor?.startsWith("email")) return "Email";
  return e.actor && e.actor !== "system" ? e.actor : "System";
}

const h2 = "mb-2 text-xs font-semibold tracking-wide text-slate-500 uppercase";

export function TicketRelations({ ticket: t }: { ticket: TicketDetail }) {
  const related = [...t.merged.map((m) => ({ ...m, how: m.mode === "separate" ? "merged (separate)" : "merged" })), ...t.linked.map((l) => ({ ...l, how: "linked" }))];
  if (!t.referrals.length && !related.length) return null;
  return (
    <section aria-labelledby="rel-heading" className="rounded border border-slate-200 bg-white p-3">
      <h2 id="rel-heading" className={h2}>
        Referrals and related tickets
      </h2>
      <ul className="space-y-1">
        {t.referrals.map((r) => (
          <li key={`r${r.id}`}>
            Referred to <span className="font-medium">{r.name ?? `${r.kind} ${r.targetId}`}</span> <span className="text-xs text-slate-500">({r.kind})</span>
          </li>
        ))}
        {related.map((r) => (
          <li key={`t${r.id}`}>
            <Link href={`/tickets/${r.id}`} className="text-blue-800 hover:underline">
              #{r.number}
            </Link>{" "}
            {r.subject} <span className="text-xs text-slate-500">({r.how}, {statusLabel[r.status] ?? r.status})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function EventsTimeline({ ticket: t, zone }: { ticket: TicketDetail; zone: string }) {
  return (
    <section aria-labelledby="events-heading" className="rounded border border-slate-200 bg-white p-3">
      <h2 id="events-heading" className={h2}>
        History ({t.events.length})
      </h2>
      {t.events.length === 0 ? (
        <p className="text-slate-500">Nothing recorded yet.</p>
      ) : (
        <ol aria-label="Events" className="max-h-96 space-y-1.5 overflow-y-auto pr-1 text-xs" data-testid="events">
          {[...t.events].reverse().map((e) => (
            <li key={e.id} className="border-l-2 border-slate-200 pl-2">
              <span className="font-medium text-slate-800">{actorName(e)}</span> {describeEvent(e)}
              <div className="text-slate-500">
                <Time value={e.createdAt} zone={zone} />
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
