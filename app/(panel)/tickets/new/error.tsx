"use client";

import { PageError } from "@/components/admin/page-error";

export default function NewTicketError({ reset }: { error: Error; reset: () => void }) {
  return <PageError what="The new ticket form" reset={reset} />;
}
