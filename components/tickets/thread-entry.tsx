// One thread entry: a client's message, a staff response (mailed) or an internal note (never
// mailed), each with its own colour and label so they cannot be mistaken for one another.
import { Time } from "@/components/ui/time";
import type { TicketDetail } from "@/lib/tickets";
import { inlineCids, splitEntryBody } from "./entry-html";
import { entryLabel } from "./labels";
import { RemoteImagesButton } from "./remote-images-button";

type Entry = TicketDetail["thread"][number];

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

// The thread is the bulk of the page (and is sent twice: as HTML and in the RSC payload), so
// entries use the short classes of globals.css (.entry*) rather than long utility strings.
export function ThreadEntry({ entry: e, zone }: { entry: Entry; zone: string }) {
  const parts = splitEntryBody(e);
  const main = parts.isHtml ? inlineCids(parts.main, e.attachments) : parts.main;
  const quoted = parts.isHtml ? inlineCids(parts.quoted, e.attachments) : parts.quoted;
  const files = e.attachments.filter((a) => !a.isInline || !e.bodyHtml.includes(a.url));
  const to = e.type === "response" ? recipientsOf(e.recipients) : "";
  const bodyId = `entry-${e.id}`;
  return (
    <article aria-labelledby={`${bodyId}-by`} data-entry-type={e.type} data-testid="thread-entry" className={`entry entry-${e.type}`}>
      <header>
        <b id={`${bodyId}-by`}>
          <bdi>{e.poster.name || e.poster.email || "System"}</bdi>
        </b>
        {e.poster.email && e.poster.name && <span className="entry-email">&lt;{e.poster.email}&gt;</span>}
        <span className="tag">{entryLabel[e.type]}</span>
        {e.mergedFrom && (
          <span className="tag tag-merged" title="This entry came with a merged ticket">
            Merged from #{e.mergedFrom.number}
          </span>
        )}
        {e.isAutoReply && <span className="tag">Auto-reply</span>}
        {e.isBounce && <span className="tag tag-bounce">Bounce</span>}
        {e.source && e.type === "message" && <span className="uppercase">{e.source}</span>}
        <span className="ml-auto">
          <Time value={e.createdAt} zone={zone} />
        </span>
      </header>
      {to && <p className="entry-to">{to}</p>}
      <div className="entry-main">
        {parts.isHtml ? <Body id={bodyId} html={main} /> : <Body id={bodyId} text={main} />}
        {quoted && (
          <details className="entry-quote">
            <summary>
              <span className="when-closed">Show quoted text</span>
              <span className="when-open">Hide quoted text</span>
            </summary>
            <div>{parts.isHtml ? <Body html={quoted} /> : <Body text={quoted} />}</div>
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
