"use client";
// Finds an organization by name, word or email domain (GET /api/staff/orgs/search).
import { useState } from "react";
import { Combobox, useDebounced } from "@/components/ui/combobox";
import { type OrgHit, useOrgSearch } from "@/lib/orgs/client";

export function OrgPicker({ id, label, hint, onPick }: { id?: string; label: string; hint?: string; onPick: (org: OrgHit) => void }) {
  const [text, setText] = useState("");
  const q = useDebounced(text);
  const search = useOrgSearch(q);
  const ready = text.trim().length >= 2;
  return (
    <Combobox
      id={id}
      label={label}
      hint={hint}
      placeholder="Organization name or domain…"
      text={text}
      onText={setText}
      ready={ready}
      loading={search.isFetching || q !== text}
      error={search.isError}
      items={q.trim().length >= 2 ? (search.data ?? []) : []}
      itemKey={(o) => o.id}
      onPick={(o) => {
        onPick(o);
        setText("");
      }}
      renderItem={(o) => (
        <div className="min-w-0">
          <div className="truncate font-medium text-slate-900">{o.name}</div>
          {o.domains.length > 0 && <div className="truncate text-xs text-slate-600">{o.domains.join(", ")}</div>}
        </div>
      )}
    />
  );
}
