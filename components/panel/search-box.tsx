"use client";
// The global search box: a ticket number opens that ticket at once; anything else (or a number
// that is not a visible ticket) goes to the search page.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { lookupTicketByNumber } from "@/lib/tickets/client";

const NUMBER = /^#?\s*([A-Za-z0-9-]*\d[A-Za-z0-9-]*)$/;

export function SearchBox() {
  const router = useRouter();
  const [pending, setPending] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const q = String(new FormData(e.currentTarget).get("q") ?? "").trim();
    if (!q) return;
    const number = NUMBER.exec(q)?.[1];
    if (number) {
      setPending(true);
      try {
        const t = await lookupTicketByNumber(number);
        router.push(`/tickets/${t.id}`);
        return;
      } catch {
        /* not a ticket number the caller can see: search for it as text */
      } finally {
        setPending(false);
      }
    }
    router.push(`/search?${new URLSearchParams({ q })}`);
  }

  return (
    <form role="search" onSubmit={onSubmit} className="w-full max-w-md">
      <label htmlFor="global-search" className="sr-only">
        Search tickets
      </label>
      <input
        id="global-search"
        name="q"
        type="search"
        placeholder="Ticket number or search…"
        aria-busy={pending}
        className="h-8 w-full rounded border border-slate-300 bg-white px-2 text-sm placeholder:text-slate-400"
      />
    </form>
  );
}
