"use client";
// The outcome of the last action on a page ("Department created"), announced to screen readers.
import { useCallback, useState } from "react";
import { cn } from "@/lib/utils";

export interface FlashMessage {
  tone: "ok" | "error";
  text: string;
}

export function useFlash() {
  const [flash, setFlash] = useState<FlashMessage | null>(null);
  const ok = useCallback((text: string) => setFlash({ tone: "ok", text }), []);
  const error = useCallback((text: string) => setFlash({ tone: "error", text }), []);
  return { flash, ok, error, clear: () => setFlash(null) };
}

export function Flash({ flash, onDismiss }: { flash: FlashMessage | null; onDismiss: () => void }) {
  return (
    <div aria-live="polite" role="status" className="min-h-0">
      {flash && (
        <div
          data-testid="flash"
          className={cn(
            "mb-3 flex items-center justify-between gap-3 rounded border px-3 py-2",
            flash.tone === "ok" ? "border-green-200 bg-green-50 text-green-900" : "border-red-200 bg-red-50 text-red-900",
          )}
        >
          <span>{flash.text}</span>
          <button type="button" onClick={onDismiss} className="rounded px-1 text-xs underline-offset-2 hover:underline">
            Dismiss
          </button>
        </div>
      )}
    </div>
  );
}
