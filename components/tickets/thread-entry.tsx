// One thread entry: a client's message, a staff response (mailed) or an internal note (never
// mailed), each with its own colour and label so they cannot be mistaken for one another.
import { Time } from "@/components/admin/time";
import { Badge } from "@/components/ui/badge";
import type { TicketDetail } from "@/lib/tickets";
import { cn } from "@/lib/utils";
import { inlineCids, splitEntryBody } from "./entry-html";
import { entryLabel } from "./labels";
import { RemoteImagesButton } from "./remote-images-button";

type Entry = TicketDetail["thread"][number];

const tone = {
  message: { box: "border-slate-200 bg-white", head: "bg-slate-50", badge: "slate" },
  response: { box: "border-blue-200 bg-white", head: "bg-blue-50", badge: "blue" },
  note: { box: "border-amber-300 bg-amber-50/60", head: "bg-amber-100/70", badge: "amber" },
} as const;

const kb = (n: number) => (n < 1024 ? `${n} B` : n < 1048576 ? `${Math.round(n / 1024)} KB` : `${(n / 1048576).toFixed(1)} MB`);

function recipientsOf(r: unknown): string {
  if (!r || typeof r !== "object") return "";
  const { to, cc } = r as { to?: string[]; cc?: string[] };
  return [to?.length ? `To ${to.join(", ")}` : "", cc?.length ? `Cc ${cc.join(", ")}` : ""].filter(Boolean).join(" · ");
}

function Body({ html, text, id }: { html?: string; text?: string; id?: string }) {
  if (html !== undefined) return <div id={id} className="entry-body" dangerouslySetInnerHTML={{ __html: html }} />;
  return (
    <div id={id} className="entry-body whitespace-pre-wrap">
      {text}
    </div>
  );
}

export function ThreadEntry({ entry: e, zone }: { entry: Entry; zone: string }) {
  const t = tone[e.type];
  const parts = splitEntryBody(e);
  const main = parts.isHtml ? inlineCids(parts.main, e.attachments) : parts.main;
  const quoted = parts.isHtml ? inlineCids(parts.quoted, e.attachments) : parts.quoted;
  const files = e.attachments.filter((a) => !a.isInline || !e.bodyHtml.includes(a.url));
  const to = e.type === "response" ? recipientsOf(e.recipients) : "";
  const bodyId = `entry-${e.id}`;
  return (
    <article aria-labelledby={`${bodyId}-by`} data-entry-type={e.type} data-testid="thread-entry" className={cn("overflow-hidden rounded border", t.box)}>
      <header className={cn("flex flex-wrap items-center gap-x-2 gap-y-0.5 px-3 py-1.5 text-xs text-slate-600", t.head)}>
        <span id={`${bodyId}-by`} className="text-sm font-semibold text-slate-900">
          {e.poster.name || e.poster.email || "System"}
        </span>
        {e.poster.email && e.poster.name && <span className="hidden sm:inline">&lt;{e.poster.email}&gt;</span>}
        <Badge tone={t.badge}>{entryLabel[e.type]}</Badge>
        {e.mergedFrom && (
          <Badge tone="purple" title="This entry came with a merged ticket">
            Merged from #{e.mergedFrom.number}
          </Badge>
        )}
        {e.isAutoReply && <Badge>Auto-reply</Badge>}
        {e.isBounce && <Badge tone="red">Bounce</Badge>}
        {e.source && e.type === "message" && <span className="uppercase">{e.source}</span>}
        <span className="ml-auto">
          <Time value={e.createdAt} zone={zone} />
        </span>
      </header>
      {to && <p className="border-b border-slate-100 px-3 py-1 text-xs text-slate-500">{to}</p>}
      <div className="space-y-2 px-3 py-2">
        {parts.isHtml ? <Body id={bodyId} html={main} /> : <Body id={bodyId} text={main} />}
        {quoted && (
          <details className="group">
            <summary className="w-fit cursor-pointer rounded px-1 text-xs text-slate-500 hover:bg-slate-100">
              <span className="group-open:hidden">Show quoted text</span>
              <span className="hidden group-open:inline">Hide quoted text</span>
            </summary>
            <div className="mt-1 border-l-2 border-slate-200 pl-2 text-slate-600">{parts.isHtml ? <Body html={quoted} /> : <Body text={quoted} />}</div>
          </details>
        )}
        {e.hasRemoteImages && <RemoteImagesButton target={bodyId} />}
        {files.length > 0 && (
          <ul aria-label="Attachments" className="flex flex-wrap gap-2 pt-1">
            {files.map((a) => (
              <li key={a.id}>
                <a href={`${a.url}?download=1`} className="inline-flex items-center gap-1 rounded border border-slate-200 bg-white px-2 py-0.5 text-xs text-blue-800 hover:bg-blue-50" download={a.name}>
                  <span aria-hidden>📎</span>
                  {a.name} <span className="text-slate-500">({kb(a.size)})</span>
                </a>
              </li>
            ))}
          </ul>
        )}
      </div>
    </article>
  );
}
