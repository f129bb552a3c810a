"use client";
// One outbound mail as the recipient gets it: headers, the HTML part in a sandboxed frame (no
// scripts, no same-origin access), the text part, attachments and the sending history.
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Dialog } from "@/components/ui/dialog";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { useOutboundMail } from "@/lib/mail/client";
import { cn } from "@/lib/utils";
import { Time } from "./time";

export function MailPreview({ id, zone, onClose }: { id: number | null; zone: string; onClose: () => void }) {
  const { data: mail, isLoading, isError, error } = useOutboundMail(id);
  const [tab, setTab] = useState<"html" | "text" | "headers">("html");
  const current = mail && !mail.bodyHtml && tab === "html" ? "text" : tab;
  return (
    <Dialog open={id !== null} onClose={onClose} title={mail ? `Mail #${mail.id}` : "Mail"} className="max-w-3xl">
      {isLoading && <LoadingState label="Loading the mail…" />}
      {isError && <ErrorState title="The mail could not be loaded" message={(error as Error).message} />}
      {mail && (
        <div className="space-y-3" data-testid="mail-preview">
          <dl className="grid grid-cols-[7rem_1fr] gap-x-3 gap-y-1 text-sm">
            <dt className="text-slate-500">Subject</dt>
            <dd className="font-medium">{mail.subject}</dd>
            <dt className="text-slate-500">From</dt>
            <dd>{mail.fromAddress}</dd>
            <dt className="text-slate-500">To</dt>
            <dd>{mail.to.join(", ")}</dd>
            {mail.cc.length > 0 && (
              <>
                <dt className="text-slate-500">Cc</dt>
                <dd>{mail.cc.join(", ")}</dd>
              </>
            )}
            <dt className="text-slate-500">Status</dt>
            <dd className="flex flex-wrap items-center gap-2">
              <Badge tone={mail.status === "sent" ? "green" : mail.status === "failed" ? "red" : mail.status === "unsent" ? "amber" : "blue"}>{mail.status}</Badge>
              {mail.sentAt && (
                <span>
                  sent <Time value={mail.sentAt} zone={zone} />
                </span>
              )}
              <span className="text-slate-500">
                queued <Time value={mail.createdAt} zone={zone} />, {mail.attempts} attempt{mail.attempts === 1 ? "" : "s"}
              </span>
            </dd>
            {mail.lastError && (
              <>
                <dt className="text-slate-500">Last error</dt>
                <dd className="text-red-700">{mail.lastError}</dd>
              </>
            )}
            {mail.attachments.length > 0 && (
              <>
                <dt className="text-slate-500">Attachments</dt>
                <dd>{mail.attachments.map((a) => `${a.name} (${Math.ceil(a.size / 1024)} KB)`).join(", ")}</dd>
              </>
            )}
          </dl>
          <div role="tablist" aria-label="Mail parts" className="flex gap-1 border-b border-slate-200">
            {(["html", "text", "headers"] as const).map((t) => (
              <button
                key={t}
                type="button"
                role="tab"
                aria-selected={current === t}
                disabled={t === "html" && !mail.bodyHtml}
                onClick={() => setTab(t)}
                className={cn("-mb-px border-b-2 px-3 py-1.5 text-sm disabled:text-slate-300", current === t ? "border-blue-700 font-medium text-blue-800" : "border-transparent text-slate-600 hover:text-slate-900")}
              >
                {t === "html" ? "HTML" : t === "text" ? "Text" : "Headers"}
              </button>
            ))}
          </div>
          <div role="tabpanel">
            {current === "html" && mail.bodyHtml && (
              // sandbox="" : no scripts, no forms, no same-origin access to the panel.
              <iframe title="HTML part" sandbox="" srcDoc={mail.bodyHtml} className="h-80 w-full rounded border border-slate-200 bg-white" />
            )}
            {current === "text" && <pre className="max-h-80 overflow-auto rounded border border-slate-200 bg-slate-50 p-3 text-xs whitespace-pre-wrap">{mail.bodyText}</pre>}
            {current === "headers" && (
              <pre className="max-h-80 overflow-auto rounded border border-slate-200 bg-slate-50 p-3 text-xs whitespace-pre-wrap">
                {[
                  `Message-ID: <${mail.messageId}>`,
                  mail.inReplyTo ? `In-Reply-To: <${mail.inReplyTo}>` : null,
                  mail.references?.length ? `References: ${mail.references.map((r) => `<${r}>`).join(" ")}` : null,
                  ...Object.entries(mail.headers).map(([k, v]) => `${k}: ${v}`),
                ]
                  .filter(Boolean)
                  .join("\n")}
              </pre>
            )}
          </div>
        </div>
      )}
    </Dialog>
  );
}
