"use client";

import { PageError } from "@/components/admin/page-error";

export default function UsersError({ reset }: { error: Error; reset: () => void }) {
  return <PageError what="The users" reset={reset} />;
}
