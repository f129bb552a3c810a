import type { Metadata } from "next";

export const metadata: Metadata = { title: "Tickets" };

export default function TicketsPage() {
  return (
    <section>
      <h1 className="text-lg font-semibold">Tickets</h1>
      <p className="mt-4 rounded border border-dashed border-slate-300 bg-white p-6 text-slate-600">No tickets to show yet.</p>
    </section>
  );
}
