"use client";
// A type-ahead picker (ARIA combobox with a listbox): the caller owns the query and passes its
// results; arrows move, Enter picks, Escape closes. Loading, error and "no match" are announced.
import { type ReactNode, useEffect, useId, useState } from "react";
import { cn } from "@/lib/utils";

/** `value`, settled for `ms` (the query waits for a pause in typing). */
export function useDebounced<T>(value: T, ms = 200): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return settled;
}

export interface ComboboxProps<T> {
  id?: string;
  label: string;
  /** Visually hidden label (the surrounding text names the field). */
  hideLabel?: boolean;
  placeholder?: string;
  hint?: string;
  text: string;
  onText: (text: string) => void;
  items: T[];
  itemKey: (item: T) => string | number;
  renderItem: (item: T) => ReactNode;
  onPick: (item: T) => void;
  /** Whether `text` is long enough to search. */
  ready: boolean;
  loading?: boolean;
  error?: boolean;
  /** Shown under "no match" (e.g. a "create" action). */
  emptyAction?: ReactNode;
  className?: string;
  inputClassName?: string;
  disabled?: boolean;
}

export function Combobox<T>(p: ComboboxProps<T>) {
  const uid = useId();
  const id = p.id ?? `cb-${uid}`;
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const show = open && p.ready;
  const optionId = (i: number) => `${id}-opt-${i}`;

  function pick(item: T) {
    p.onPick(item);
    setOpen(false);
    setActive(0);
  }

  function onKeyDown(e: React.KeyboardEvent<HTMLInputElement>) {
    if (e.key === "ArrowDown") {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(a + 1, p.items.length - 1));
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === "Enter" && show && p.items[active]) {
      e.preventDefault();
      pick(p.items[active]);
    } else if (e.key === "Escape" && open) {
      e.preventDefault();
      setOpen(false);
    }
  }

  return (
    <div className={cn("relative", p.className)}>
      <label htmlFor={id} className={p.hideLabel ? "sr-only" : "mb-1 block text-sm font-medium text-slate-800"}>
        {p.label}
      </label>
      <input
        id={id}
        type="search"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={show}
        aria-controls={`${id}-list`}
        aria-activedescendant={show && p.items[active] ? optionId(active) : undefined}
        aria-describedby={p.hint ? `${id}-hint` : undefined}
        value={p.text}
        placeholder={p.placeholder}
        disabled={p.disabled}
        onChange={(e) => {
          p.onText(e.target.value);
          setOpen(true);
          setActive(0);
        }}
        onFocus={() => setOpen(true)}
        // Later than the option's mousedown, which picks.
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
        className={cn(
          "w-full rounded border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 placeholder:text-slate-400 disabled:bg-slate-100",
          p.inputClassName,
        )}
      />
      {p.hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          {p.hint}
        </p>
      )}
      {show && (
        <div className="absolute z-20 mt-1 w-full min-w-64 rounded border border-slate-200 bg-white shadow-lg">
          <ul id={`${id}-list`} role="listbox" aria-label={p.label} className="max-h-72 overflow-y-auto py-1">
            {p.items.map((item, i) => (
              <li
                key={p.itemKey(item)}
                id={optionId(i)}
                role="option"
                aria-selected={i === active}
                onMouseDown={(e) => {
                  e.preventDefault();
                  pick(item);
                }}
                onMouseEnter={() => setActive(i)}
                className={cn("cursor-pointer px-3 py-1.5", i === active && "bg-blue-50")}
              >
                {p.renderItem(item)}
              </li>
            ))}
          </ul>
          <div role="status" aria-live="polite" className={cn("px-3 text-xs text-slate-500", (p.loading || p.error || !p.items.length) && "py-2")}>
            {p.error ? "The search did not work. Keep typing to try again." : p.loading && !p.items.length ? "Searching…" : !p.items.length ? "No match." : ""}
          </div>
          {!p.loading && !p.error && !p.items.length && p.emptyAction && <div className="border-t border-slate-100 px-3 py-2">{p.emptyAction}</div>}
        </div>
      )}
    </div>
  );
}
