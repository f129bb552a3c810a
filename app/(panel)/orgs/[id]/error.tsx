"use client";

import { PageError } from "@/components/admin/page-error";

export default function OrgError({ reset }: { error: Error; reset: () => void }) {
  return <PageError what="This organization" reset={reset} />;
}
