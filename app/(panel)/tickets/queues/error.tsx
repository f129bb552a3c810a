"use client";

import { PageError } from "@/components/admin/page-error";

export default function QueueEditorError({ reset }: { error: Error; reset: () => void }) {
  return <PageError what="The queue" reset={reset} />;
}
