"use client";
// Finds a user by the start of their name or email (GET /api/staff/users/search) and hands the
// chosen one to `onPick`; users in `exclude` (already on the ticket) are not offered.
import { type ReactNode, useState } from "react";
import { Combobox, useDebounced } from "@/components/ui/combobox";
import { type UserHit, searchable, useUserSearch } from "@/lib/users/client";

export function UserPicker({
  id,
  label,
  hideLabel,
  placeholder = "Name or email…",
  hint,
  exclude = [],
  onPick,
  emptyAction,
  className,
  inputClassName,
}: {
  id?: string;
  label: string;
  hideLabel?: boolean;
  placeholder?: string;
  hint?: string;
  exclude?: number[];
  onPick: (user: UserHit) => void;
  /** Offered when nothing matches; receives what was typed. */
  emptyAction?: (text: string) => ReactNode;
  className?: string;
  inputClassName?: string;
}) {
  const [text, setText] = useState("");
  const q = useDebounced(text);
  const search = useUserSearch(q);
  const items = (search.data ?? []).filter((u) => !exclude.includes(u.id));
  return (
    <Combobox
      id={id}
      label={label}
      hideLabel={hideLabel}
      placeholder={placeholder}
      hint={hint}
      text={text}
      onText={setText}
      ready={searchable(text)}
      loading={search.isFetching || q !== text}
      error={search.isError}
      items={searchable(q) ? items : []}
      itemKey={(u) => u.id}
      onPick={(u) => {
        onPick(u);
        setText("");
      }}
      renderItem={(u) => (
        <div className="min-w-0">
          <div className="truncate font-medium text-slate-900">{u.name}</div>
          <div className="truncate text-xs text-slate-600">
            {u.email}
            {u.org ? ` · ${u.org.name}` : ""}
          </div>
        </div>
      )}
      emptyAction={emptyAction?.(text)}
      className={className}
      inputClassName={inputClassName}
    />
  );
}
