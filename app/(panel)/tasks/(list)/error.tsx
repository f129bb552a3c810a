"use client";

import { PageError } from "@/components/admin/page-error";

export default function TasksError({ reset }: { error: Error; reset: () => void }) {
  return <PageError what="The tasks" reset={reset} />;
}
