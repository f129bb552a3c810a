"use client";
// A secret shown exactly once (a new API key, a generated password), with a copy button.
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";

export function SecretReveal({ title, label, secret, note, onClose }: { title: string; label: string; secret: string | null; note: string; onClose: () => void }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(secret ?? "");
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }
  return (
    <Dialog
      open={secret !== null}
      onClose={() => {
        setCopied(false);
        onClose();
      }}
      title={title}
    >
      <div className="space-y-3">
        <p className="rounded border border-amber-200 bg-amber-50 px-3 py-2 text-amber-900">{note}</p>
        <div>
          <p className="mb-1 text-sm font-medium text-slate-800">{label}</p>
          <div className="flex items-center gap-2">
            <code data-testid="secret-value" className="min-w-0 flex-1 overflow-x-auto rounded border border-slate-300 bg-slate-50 px-2 py-1.5 font-mono text-sm select-all">
              {secret}
            </code>
            <Button onClick={copy}>{copied ? "Copied" : "Copy"}</Button>
          </div>
        </div>
        <div className="flex justify-end">
          <Button variant="primary" onClick={onClose}>
            Done
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
