"use client";
// Create or edit a user: name, email, phone, organization (found by type-ahead; on create the
// default is "from the email's domain", as with mail intake), notes. Checked with the API's zod
// schema first; the API's field errors (e.g. an email in use: 409) land under their fields.
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input, Textarea } from "@/components/ui/field";
import { ApiError } from "@/lib/http/client";
import { zodFieldErrors } from "@/lib/http/errors";
import { type UserHit, useUserMutations } from "@/lib/users/client";
import { createUserSchema, updateUserSchema } from "@/lib/users/schemas";
import { OrgPicker } from "./org-picker";

export interface EditableUser {
  id: number;
  name: string;
  email: string;
  phone: string | null;
  notes: string;
  org: { id: number; name: string } | null;
}

/** undefined: from the email domain (create only); null: none. */
type OrgChoice = { id: number; name: string } | null | undefined;

export function UserForm({ user, onDone, onCancel }: { user?: EditableUser; onDone: (u: UserHit, message: string) => void; onCancel: () => void }) {
  const m = useUserMutations();
  const [v, setV] = useState({ name: user?.name ?? "", email: user?.email ?? "", phone: user?.phone ?? "", notes: user?.notes ?? "" });
  const [org, setOrg] = useState<OrgChoice>(user ? user.org : undefined);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState("");
  const [pending, setPending] = useState(false);
  const set = (k: keyof typeof v) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setV((s) => ({ ...s, [k]: e.target.value }));

  function body(): Record<string, unknown> {
    const all: Record<string, unknown> = { name: v.name, email: v.email, phone: v.phone.trim() || null, notes: v.notes };
    if (org !== undefined) all.orgId = org?.id ?? null;
    if (!user) return all;
    const before: Record<string, unknown> = { name: user.name, email: user.email, phone: user.phone, notes: user.notes, orgId: user.org?.id ?? null };
    return Object.fromEntries(Object.entries(all).filter(([k, x]) => x !== before[k]));
  }

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setErrors({});
    setFormError("");
    const values = body();
    if (user && !Object.keys(values).length) return setFormError("Nothing has changed.");
    const parsed = (user ? updateUserSchema : createUserSchema).safeParse(values);
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error));
      return setFormError("Check the highlighted fields.");
    }
    setPending(true);
    try {
      if (user) {
        const r = await m.update.mutateAsync({ id: user.id, body: parsed.data as never });
        onDone(r, `${r.name} updated`);
      } else {
        const r = await m.create.mutateAsync(values);
        onDone(r, `User ${r.name} added${r.org ? ` to ${r.org.name}` : ""}`);
      }
    } catch (err) {
      if (err instanceof ApiError) {
        setErrors(err.errors);
        setFormError(err.message);
      } else setFormError("The user could not be saved. Check your connection and try again.");
    } finally {
      setPending(false);
    }
  }

  const text = (k: keyof typeof v, label: string, type = "text", hint?: string) => (
    <Field id={`user-${k}`} label={label} hint={hint} error={errors[k]}>
      <Input id={`user-${k}`} type={type} value={v[k]} onChange={set(k)} aria-invalid={!!errors[k]} autoComplete="off" />
    </Field>
  );

  return (
    <form onSubmit={submit} noValidate className="space-y-3">
      {formError && (
        <p role="alert" data-testid="form-error" className="rounded border border-red-200 bg-red-50 px-3 py-2 text-red-800">
          {formError}
        </p>
      )}
      <div className="grid gap-3 sm:grid-cols-2">
        {text("name", "Name")}
        {text("email", "Email", "email")}
        {text("phone", "Phone", "tel")}
        <div className="space-y-1">
          <span className="block text-sm font-medium text-slate-800" id="user-org-label">
            Organization
          </span>
          <p className="text-sm" aria-labelledby="user-org-label" data-testid="user-org-choice">
            {org === undefined ? "From the email's domain, if an organization lists it" : org === null ? "None" : org.name}
            {org !== undefined && !user && (
              <button type="button" className="ml-2 text-xs text-blue-800 underline" onClick={() => setOrg(undefined)}>
                use the domain
              </button>
            )}
            {org && (
              <button type="button" className="ml-2 text-xs text-blue-800 underline" onClick={() => setOrg(null)}>
                remove
              </button>
            )}
          </p>
          {errors.orgId && (
            <p role="alert" className="text-xs text-red-700">
              {errors.orgId}
            </p>
          )}
        </div>
        <OrgPicker id="user-org" label="Find an organization" onPick={(o) => setOrg({ id: o.id, name: o.name })} />
        <Field id="user-notes" label="Notes" error={errors.notes} className="sm:col-span-2">
          <Textarea id="user-notes" value={v.notes} onChange={set("notes")} rows={3} />
        </Field>
      </div>
      <div className="flex justify-end gap-2 border-t border-slate-100 pt-3">
        <Button onClick={onCancel} disabled={pending}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? "Saving…" : user ? "Save" : "Add user"}
        </Button>
      </div>
    </form>
  );
}
