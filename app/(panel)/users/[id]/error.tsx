"use client";

import { PageError } from "@/components/admin/page-error";

export default function UserError({ reset }: { error: Error; reset: () => void }) {
  return <PageError what="This user" reset={reset} />;
}
