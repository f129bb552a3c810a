"use client";

import { PageError } from "@/components/admin/page-error";

export default function AccountError({ reset }: { error: Error; reset: () => void }) {
  return <PageError what="Your settings" reset={reset} />;
}
