"use client";

import { PageError } from "@/components/admin/page-error";

export default function TicketError({ reset }: { error: Error; reset: () => void }) {
  return <PageError what="This ticket" reset={reset} />;
}
