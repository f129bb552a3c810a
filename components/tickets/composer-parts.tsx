"use client";
// Pieces of the reply/note composer: canned responses, recipients, attachments.
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
import { renderCannedForTicket, useCannedForDept } from "@/lib/canned/client";

/** HTML canned responses go into the plain-text composer as text. */
function htmlToText(html: string): string {
  const doc = new DOMParser().parseFromString(html.replace(/<br\s*\/?>/gi, "\n").replace(/<\/p>/gi, "\n\n"), "text/html");
  return (doc.body.textContent ?? "").replace(/\n{3,}/g, "\n\n").trim();
}

export function CannedPicker({ tid, deptId, onInsert }: { tid: number; deptId: number; onInsert: (text: string) => void }) {
  const [touched, setTouched] = useState(false);
  const list = useCannedForDept(deptId, touched);
  const [error, setError] = useState("");
  async function pick(id: string) {
    if (!id) return;
    setError("");
    try {
      const r = await renderCannedForTicket(Number(id), tid);
      onInsert(r.format === "html" ? htmlToText(r.body) : r.body);
    } catch {
      setError("Could not load that response");
    }
  }
  return (
    <div className="flex items-center gap-2">
      <label htmlFor={`canned-${tid}`} className="text-xs text-slate-600">
        Canned response
      </label>
      <Select id={`canned-${tid}`} value="" onFocus={() => setTouched(true)} onMouseDown={() => setTouched(true)} onChange={(e) => void pick(e.target.value)} className="h-7 w-48 py-0.5 text-xs">
        <option value="">{list.isLoading ? "Loading…" : "Insert…"}</option>
        {(list.data ?? []).map((c) => (
          <option key={c.id} value={c.id}>
            {c.title}
          </option>
        ))}
        {list.data?.length === 0 && <option disabled>None for this department</option>}
      </Select>
      {error && <span className="text-xs text-red-800">{error}</span>}
    </div>
  );
}

export interface Recipients {
  user: boolean;
  collaborators: number[];
}

export function RecipientsPicker({
  user,
  collaborators,
  value,
  onChange,
}: {
  user: { name: string; email: string };
  collaborators: { userId: number; name: string; email: string; isActive: boolean }[];
  value: Recipients;
  onChange: (v: Recipients) => void;
}) {
  const active = collaborators.filter((c) => c.isActive);
  const toggle = (id: number, on: boolean) => onChange({ ...value, collaborators: on ? [...value.collaborators, id] : value.collaborators.filter((c) => c !== id) });
  return (
    <fieldset className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs">
      <legend className="sr-only">Recipients</legend>
      <span className="text-slate-600">To:</span>
      <label className="flex items-center gap-1">
        <input type="checkbox" checked={value.user} onChange={(e) => onChange({ ...value, user: e.target.checked })} />
        {user.name} &lt;{user.email}&gt;
      </label>
      {active.map((c) => (
        <label key={c.userId} className="flex items-center gap-1">
          <input type="checkbox" checked={value.collaborators.includes(c.userId)} onChange={(e) => toggle(c.userId, e.target.checked)} />
          Cc {c.name}
        </label>
      ))}
    </fieldset>
  );
}

export function FilePicker({ id, files, onChange }: { id: string; files: File[]; onChange: (f: File[]) => void }) {
  return (
    <div className="flex flex-wrap items-center gap-2 text-xs">
      <label htmlFor={id} className="cursor-pointer rounded border border-slate-300 bg-white px-2 py-1 font-medium text-slate-700 focus-within:outline-2 hover:bg-slate-50">
        Attach files
        <input
          id={id}
          type="file"
          multiple
          className="sr-only"
          onChange={(e) => {
            onChange([...files, ...Array.from(e.target.files ?? [])]);
            e.target.value = "";
          }}
        />
      </label>
      {files.map((f, i) => (
        <span key={`${f.name}-${i}`} className="inline-flex items-center gap-1 rounded bg-slate-100 px-1.5 py-0.5">
          {f.name}
          <Button size="sm" variant="ghost" className="h-5 px-1" aria-label={`Remove ${f.name}`} onClick={() => onChange(files.filter((_, j) => j !== i))}>
            ×
          </Button>
        </span>
      ))}
    </div>
  );
}
