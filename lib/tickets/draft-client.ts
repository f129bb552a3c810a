// Draft autosave for the composers. Drafts live in localStorage, keyed by namespace (e.g.
// "ticket.reply.42"), until the drafts API (POST /api/staff/draft {namespace, body, ticketId})
// lands: then replace `draftStore` below with one that calls it — the hook stays the same.
import { useCallback, useEffect, useRef, useState } from "react";

export interface DraftStore {
  load(namespace: string): string | null;
  save(namespace: string, body: string, ticketId?: number): void;
  remove(namespace: string): void;
}

const PREFIX = "helpdesk.draft.";

export const localDraftStore: DraftStore = {
  load: (ns) => {
    try {
      return window.localStorage.getItem(PREFIX + ns);
    } catch {
      return null;
    }
  },
  save: (ns, body) => {
    try {
      if (body.trim()) window.localStorage.setItem(PREFIX + ns, body);
      else window.localStorage.removeItem(PREFIX + ns);
    } catch {
      /* storage full or disabled: the draft simply is not kept */
    }
  },
  remove: (ns) => {
    try {
      window.localStorage.removeItem(PREFIX + ns);
    } catch {
      /* as above */
    }
  },
};

/** The one switch to the drafts API. */
export const draftStore: DraftStore = localDraftStore;

/**
 * A text value autosaved (debounced) under `namespace`. `savedAt` tells the composer when the
 * last save happened; `discard` clears the value and the stored draft (after posting).
 */
export function useDraft(namespace: string, ticketId?: number, delayMs = 800) {
  const [value, setValue] = useState("");
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    // Restore after mount only: localStorage does not exist during server rendering.
    const stored = draftStore.load(namespace);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- one restore per namespace, after mount
    if (stored) setValue(stored);
  }, [namespace]);

  const change = useCallback(
    (next: string) => {
      setValue(next);
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        draftStore.save(namespace, next, ticketId);
        setSavedAt(new Date());
      }, delayMs);
    },
    [namespace, ticketId, delayMs],
  );

  const discard = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    draftStore.remove(namespace);
    setValue("");
    setSavedAt(null);
  }, [namespace]);

  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);
  return { value, change, discard, savedAt };
}
