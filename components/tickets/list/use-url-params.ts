"use client";
// A list's criteria live in the address, so a view can be bookmarked and shared. Changing a
// filter rewrites the address in place (history API, which Next's router follows) and the list
// refetches through TanStack Query; no server round trip for the page itself.
import { useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { type CriteriaParams, readCriteriaParams, toQueryString, withParams } from "@/lib/search/params";

export function useUrlParams() {
  const search = useSearchParams();
  const key = search.toString();
  // Keyed on the query string: a new object only when the address changes.
  const params = useMemo(() => readCriteriaParams(new URLSearchParams(key)), [key]);
  const queue = search.get("queue") ?? undefined;
  const set = useCallback(
    (next: CriteriaParams, extra: Record<string, string | undefined> = { queue }) => {
      const qs = toQueryString(next, extra);
      window.history.pushState(null, "", `${window.location.pathname}${qs ? `?${qs}` : ""}`);
    },
    [queue],
  );
  const patch = useCallback((p: Record<string, string | undefined>) => set(withParams(params, p)), [params, set]);
  return { params, queue, set, patch };
}
