// Draft autosave for the composers, on the drafts API: POST /api/staff/draft {namespace, body,
// ticketId} (debounced), GET /api/staff/draft?namespace= to restore, so a draft follows the
// staff member to another tab or machine. Sending the reply or note consumes the server's copy.
// What is typed is also kept in localStorage at once, until the server has it: a failed save
// (offline, server down) loses nothing, and that copy wins on the next load.
import { useCallback, useEffect, useRef, useState } from "react";
import { apiFetch } from "@/lib/http/client";

export interface DraftStore {
  /** The draft to restore, or null. */
  load(namespace: string): Promise<string | null>;
  /** Keeps `body` on this device at once (synchronous, never throws). */
  keep(namespace: string, body: string): void;
  /** Saves to the server; rejects when it could not (the kept copy stays). */
  save(namespace: string, body: string, ticketId?: number): Promise<void>;
  /** Forgets the kept copy (the server consumed its own when the entry was sent). */
  remove(namespace: string): void;
}

const PREFIX = "helpdesk.draft.";

function local(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null;
  }
}

function readKept(ns: string): string | null {
  try {
    return local()?.getItem(PREFIX + ns) ?? null;
  } catch {
    return null;
  }
}

function writeKept(ns: string, body: string | null) {
  try {
    if (body && body.trim()) local()?.setItem(PREFIX + ns, body);
    else local()?.removeItem(PREFIX + ns);
  } catch {
    /* storage full or disabled: the server copy is all there is */
  }
}

export const serverDraftStore: DraftStore = {
  async load(ns) {
    // A kept copy exists only while the server has not confirmed it: it is the newer text.
    const kept = readKept(ns);
    if (kept) return kept;
    try {
      // data: null when there is no draft for this place.
      const d = await apiFetch<{ body: string } | null>("/api/staff/draft", { query: { namespace: ns } });
      return d?.body || null;
    } catch {
      console.warn("draft: could not load", ns);
      return null;
    }
  },
  keep: (ns, body) => writeKept(ns, body),
  async save(ns, body, ticketId) {
    await apiFetch("/api/staff/draft", { method: "POST", body: { namespace: ns, body, ticketId } });
    // Confirmed: drop the kept copy unless something newer was typed meanwhile.
    if (readKept(ns) === body) writeKept(ns, null);
  },
  remove: (ns) => writeKept(ns, null),
};

/** The one switch between stores (tests may pass their own to useDraft). */
export const draftStore: DraftStore = serverDraftStore;

export type DraftState = "idle" | "saving" | "saved" | "local";

/**
 * A text value autosaved (debounced) under `namespace`. Saves run one at a time, the newest
 * text last, so a slow save never overwrites a newer one. `settle` waits for the save in flight
 * before the entry is posted (otherwise it could land after the server consumed the draft);
 * `discard` clears the value and the kept copy after posting.
 */
export function useDraft(namespace: string, ticketId?: number, delayMs = 800, store: DraftStore = draftStore) {
  const [value, setValue] = useState("");
  const [state, setState] = useState<DraftState>("idle");
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef("");
  const touched = useRef(false);
  const inflight = useRef<Promise<void> | null>(null);
  const queued = useRef<string | null>(null);

  useEffect(() => {
    touched.current = false;
    let live = true;
    void store.load(namespace).then((body) => {
      // Typing before the draft arrived wins over the stored text.
      if (live && body && !touched.current) {
        latest.current = body;
        setValue(body);
      }
    });
    return () => {
      live = false;
    };
  }, [namespace, store]);

  const flush = useCallback(
    (body: string) => {
      if (inflight.current) {
        queued.current = body;
        return;
      }
      const run = async () => {
        for (let next: string | null = body; next !== null; next = queued.current) {
          const text: string = next;
          queued.current = null;
          setState("saving");
          try {
            await store.save(namespace, text, ticketId);
            setState("saved");
            setSavedAt(new Date());
          } catch {
            setState("local");
          }
        }
      };
      inflight.current = run().finally(() => {
        inflight.current = null;
      });
    },
    [namespace, ticketId, store],
  );

  const change = useCallback(
    (next: string) => {
      touched.current = true;
      latest.current = next;
      setValue(next);
      store.keep(namespace, next);
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => flush(latest.current), delayMs);
    },
    [namespace, delayMs, flush, store],
  );

  const settle = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    while (inflight.current) await inflight.current;
  }, []);

  const discard = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    queued.current = null;
    store.remove(namespace);
    latest.current = "";
    setValue("");
    setState("idle");
    setSavedAt(null);
  }, [namespace, store]);

  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);
  return { value, change, discard, settle, savedAt, state };
}
