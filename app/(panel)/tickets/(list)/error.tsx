"use client";

import { PageError } from "@/components/admin/page-error";

export default function TicketsError({ reset }: { error: Error; reset: () => void }) {
  return <PageError what="The tickets" reset={reset} />;
}
