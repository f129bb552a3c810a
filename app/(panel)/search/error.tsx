"use client";

import { PageError } from "@/components/admin/page-error";

export default function SearchError({ reset }: { error: Error; reset: () => void }) {
  return <PageError what="The search" reset={reset} />;
}
