"use client";

import { PageError } from "@/components/admin/page-error";

export default function TaskError({ reset }: { error: Error; reset: () => void }) {
  return <PageError what="This task" reset={reset} />;
}
