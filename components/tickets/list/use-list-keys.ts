"use client";
// Keyboard work on a ticket list: j/k move the current row, Enter opens it, x toggles its
// checkbox. Keys typed into a field, or while a dialog is open, are left alone.
import { useEffect } from "react";

interface Handlers {
  count: number;
  active: number;
  setActive: (i: number) => void;
  open: (i: number) => void;
  toggle: (i: number) => void;
}

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || !el.tagName) return false;
  if (el.isContentEditable) return true;
  if (el.tagName === "TEXTAREA" || el.tagName === "SELECT") return true;
  return el.tagName === "INPUT" && !["checkbox", "radio", "button", "submit"].includes((el as HTMLInputElement).type);
}

export function useListKeys({ count, active, setActive, open, toggle }: Handlers) {
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || typing(e.target) || document.querySelector("dialog[open]")) return;
      if (!count) return;
      const onRowLink = (e.target as HTMLElement | null)?.closest?.("[data-testid=ticket-row]");
      if (e.key === "j" || e.key === "k") {
        e.preventDefault();
        const next = active < 0 ? 0 : Math.min(count - 1, Math.max(0, active + (e.key === "j" ? 1 : -1)));
        setActive(next);
      } else if (e.key === "x" && active >= 0) {
        e.preventDefault();
        toggle(active);
      } else if (e.key === "Enter" && active >= 0 && !onRowLink && !(e.target as HTMLElement | null)?.closest?.("a,button")) {
        e.preventDefault();
        open(active);
      }
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [count, active, setActive, open, toggle]);
}
