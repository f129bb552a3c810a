"use client";
// What the ticket view's client parts share: the ticket as rendered (id, version, permissions),
// the outcome of the last action, and the conflict notice when someone else changed the ticket.
// After every successful change the server page is re-rendered (router.refresh) so the thread,
// header and version all come fresh from lib/tickets.
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type ReactNode, createContext, useCallback, useContext, useMemo, useState } from "react";
import { ApiError } from "@/lib/http/client";
import { openTasksOf, ticketKeys } from "@/lib/tickets/client";
import type { TicketDetail } from "@/lib/tickets";

export interface TicketView {
  id: number;
  number: string;
  subject: string;
  version: number;
  /** When the page was rendered: the version poll reports others' changes after it. */
  renderedAt: string;
  status: string;
  deptId: number;
  staffId: number | null;
  teamId: number | null;
  priorityId: number;
  topicId: number | null;
  dueAt: string | null;
  user: { id: number; name: string; email: string };
  collaborators: { userId: number; name: string; email: string; isActive: boolean }[];
  can: TicketDetail["can"];
  meId: number;
  zone: string;
}

interface Outcome {
  tone: "ok" | "error";
  text: string;
}

interface TicketContextValue {
  ticket: TicketView;
  outcome: Outcome | null;
  conflict: string | null;
  clearOutcome: () => void;
  /** Call after a change succeeded: shows the message and re-renders the page. */
  succeeded: (text: string) => void;
  /** Call when a change failed: a 409 raises the conflict notice; the message is returned for the form (`show`: also as the outcome). */
  failed: (e: unknown, show?: boolean) => string;
  reload: () => void;
}

const Ctx = createContext<TicketContextValue | null>(null);

export function errorText(e: unknown): string {
  if (e instanceof ApiError) return Object.values(e.errors)[0] ? `${e.message}: ${Object.values(e.errors).join("; ")}` : e.message;
  return "That did not work. Check your connection and try again.";
}

export function TicketProvider({ ticket, children }: { ticket: TicketView; children: ReactNode }) {
  const router = useRouter();
  const qc = useQueryClient();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);

  const reload = useCallback(() => {
    setConflict(null);
    router.refresh();
    void qc.invalidateQueries({ queryKey: ticketKeys.version(ticket.id) });
  }, [router, qc, ticket.id]);

  const succeeded = useCallback(
    (text: string) => {
      setOutcome({ tone: "ok", text });
      reload();
    },
    [reload],
  );

  const failed = useCallback(
    (e: unknown, show = false) => {
      const text = errorText(e);
      // Open tasks refusing a close are not someone else's change: the caller offers to close them.
      const isConflict = e instanceof ApiError && e.status === 409 && !openTasksOf(e);
      if (isConflict) {
        setConflict(text);
        void qc.invalidateQueries({ queryKey: ticketKeys.version(ticket.id) });
      }
      if (e instanceof ApiError && e.status === 404) setOutcome({ tone: "error", text: "This ticket is no longer available to you." });
      else if (show && !isConflict) setOutcome({ tone: "error", text });
      return text;
    },
    [qc, ticket.id],
  );

  const value = useMemo(
    () => ({ ticket, outcome, conflict, clearOutcome: () => setOutcome(null), succeeded, failed, reload }),
    [ticket, outcome, conflict, succeeded, failed, reload],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useTicket(): TicketContextValue {
  const v = useContext(Ctx);
  if (!v) throw new Error("useTicket outside TicketProvider");
  return v;
}
