"use client";
// /admin/outbox: every mail the help desk queued, newest first, by status. A row opens a preview
// (headers, text, and the HTML in a sandboxed frame); failed or unsent mail can be retried once
// SMTP is configured.
import Link from "@/components/ui/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { mailStatuses } from "@/db/enums";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/states";
import { ApiError } from "@/lib/http/client";
import { Flash, useFlash } from "./flash";
import { MailPreview } from "./mail-preview";
import { PageHeader } from "./page-header";
import { Table, Td, Th, Tr } from "./table";
import { Time } from "./time";
import { useRetryMail } from "@/lib/mail/client";

export interface OutboxRow {
  id: number;
  kind: string;
  status: (typeof mailStatuses)[number];
  ticketId: number | null;
  ticketNumber: string | null;
  to: string[];
  subject: string;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

export const statusTone: Record<OutboxRow["status"], BadgeTone> = { queued: "blue", sending: "blue", sent: "green", failed: "red", unsent: "amber" };
const retryable = (s: string) => s === "failed" || s === "unsent";

export function OutboxAdmin({
  rows,
  counts,
  status,
  nextCursor,
  smtpConfigured,
  zone,
}: {
  rows: OutboxRow[];
  counts: Record<string, number>;
  status: string | null;
  nextCursor: number | null;
  smtpConfigured: boolean;
  zone: string;
}) {
  const router = useRouter();
  const retry = useRetryMail();
  const { flash, ok, error, clear } = useFlash();
  const [open, setOpen] = useState<number | null>(null);
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const tabs = [{ value: null, label: "All", n: total }, ...mailStatuses.map((s) => ({ value: s, label: s[0].toUpperCase() + s.slice(1), n: counts[s] ?? 0 }))];

  async function doRetry(id: number) {
    try {
      await retry.mutateAsync(id);
      ok(`Mail #${id} queued for sending`);
      router.refresh();
    } catch (e) {
      error(e instanceof ApiError ? e.message : "The mail could not be queued.");
    }
  }

  return (
    <section>
      <PageHeader title="Outbox" description="Every mail the help desk sent or tried to send. Nothing is dropped: without SMTP, mail waits here as unsent." />
      {!smtpConfigured && (
        <p className="mb-3 rounded border border-amber-200 bg-amber-50 px-3 py-2 text-amber-900">
          Outbound email is not configured (set <code>SMTP_URL</code>). Mail is kept here, unsent, and can be retried once it is.
        </p>
      )}
      <Flash flash={flash} onDismiss={clear} />
      <nav aria-label="Filter by status" className="mb-3 flex flex-wrap gap-1">
        {tabs.map((t) => {
          const active = (status ?? null) === t.value;
          return (
            <Link
              key={t.label}
              href={t.value ? `/admin/outbox?status=${t.value}` : "/admin/outbox"}
              aria-current={active ? "page" : undefined}
              className={`rounded px-2.5 py-1 text-sm ${active ? "bg-blue-700 text-white" : "border border-slate-300 bg-white text-slate-700 hover:bg-slate-50"}`}
            >
              {t.label} <span className={active ? "text-blue-100" : "text-slate-500"}>{t.n}</span>
            </Link>
          );
        })}
      </nav>
      {rows.length === 0 ? (
        <EmptyState title={status ? `No ${status} mail` : "No mail yet"}>Mail appears here as soon as the help desk queues it.</EmptyState>
      ) : (
        <Table label="Outbound mail">
          <thead>
            <tr>
              <Th>Queued</Th>
              <Th>Status</Th>
              <Th>To</Th>
              <Th>Subject</Th>
              <Th className="hidden md:table-cell">Ticket</Th>
              <Th className="hidden lg:table-cell">Kind</Th>
              <Th className="text-right">Actions</Th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <Tr key={r.id}>
                <Td>
                  <Time value={r.createdAt} zone={zone} />
                </Td>
                <Td>
                  <Badge tone={statusTone[r.status]} title={r.lastError ?? undefined}>
                    {r.status}
                  </Badge>
                  {r.attempts > 0 && <div className="text-xs text-slate-500">{r.attempts} attempt{r.attempts === 1 ? "" : "s"}</div>}
                </Td>
                <Td className="max-w-48 truncate" title={r.to.join(", ")}>
                  {r.to.join(", ")}
                </Td>
                <Td className="max-w-md">
                  <button type="button" onClick={() => setOpen(r.id)} className="text-left text-blue-800 hover:underline">
                    {r.subject}
                  </button>
                  {r.lastError && <div className={`truncate text-xs ${r.status === "failed" ? "text-red-700" : "text-slate-500"}`}>{r.lastError}</div>}
                </Td>
                <Td className="hidden md:table-cell">{r.ticketId ? <Link className="text-blue-800 hover:underline" href={`/tickets/${r.ticketId}`}>#{r.ticketNumber}</Link> : "—"}</Td>
                <Td className="hidden whitespace-nowrap text-slate-600 lg:table-cell">{r.kind.replace(/_/g, " ")}</Td>
                <Td className="text-right whitespace-nowrap">
                  <div className="flex justify-end gap-1">
                    <Button size="sm" variant="ghost" onClick={() => setOpen(r.id)} aria-label={`Preview mail ${r.id}`}>
                      Preview
                    </Button>
                    {retryable(r.status) && (
                      <Button
                        size="sm"
                        variant="ghost"
                        disabled={!smtpConfigured || retry.isPending}
                        title={smtpConfigured ? undefined : "Configure SMTP_URL first"}
                        onClick={() => doRetry(r.id)}
                        aria-label={`Retry mail ${r.id}`}
                      >
                        Retry
                      </Button>
                    )}
                  </div>
                </Td>
              </Tr>
            ))}
          </tbody>
        </Table>
      )}
      {nextCursor && (
        <div className="mt-3 flex justify-end">
          <Link className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50" href={`/admin/outbox?${new URLSearchParams({ ...(status ? { status } : {}), cursor: String(nextCursor) })}`}>
            Older mail →
          </Link>
        </div>
      )}
      <MailPreview id={open} zone={zone} onClose={() => setOpen(null)} />
    </section>
  );
}
