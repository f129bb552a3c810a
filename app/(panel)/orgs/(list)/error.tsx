"use client";

import { PageError } from "@/components/admin/page-error";

export default function OrgsError({ reset }: { error: Error; reset: () => void }) {
  return <PageError what="The organizations" reset={reset} />;
}
