"use client";

import { PageError } from "@/components/admin/page-error";

export default function AdminError({ reset }: { error: Error; reset: () => void }) {
  return <PageError what="This admin page" reset={reset} />;
}
