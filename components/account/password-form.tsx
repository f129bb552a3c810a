"use client";
// Change own password: every other session ends; this one continues with a fresh cookie.
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { ApiError } from "@/lib/http/client";
import { useOwnAccount } from "@/lib/staff/client";

export function PasswordForm() {
  const { changePassword } = useOwnAccount();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState("");

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const next = String(f.get("newPassword") ?? "");
    setStatus("");
    if (next !== f.get("confirmPassword")) {
      setErrors({ confirmPassword: "The two new passwords differ" });
      return;
    }
    setErrors({});
    try {
      await changePassword.mutateAsync({ currentPassword: String(f.get("currentPassword") ?? ""), newPassword: next });
      form.reset();
      setStatus("Password changed; your other sessions have been signed out");
    } catch (err) {
      if (err instanceof ApiError) {
        setErrors(err.errors);
        setStatus(Object.keys(err.errors).length ? "" : err.message);
      } else setStatus("The password could not be changed. Try again.");
    }
  }

  return (
    <form id="password" onSubmit={onSubmit} noValidate aria-labelledby="password-heading" className="space-y-3 rounded border border-slate-200 bg-white p-4">
      <h2 id="password-heading" className="font-semibold">
        Change password
      </h2>
      <Field id="currentPassword" label="Current password" error={errors.currentPassword}>
        <Input id="currentPassword" name="currentPassword" type="password" autoComplete="current-password" aria-invalid={!!errors.currentPassword} />
      </Field>
      <Field id="newPassword" label="New password" hint="At least 10 characters." error={errors.newPassword}>
        <Input id="newPassword" name="newPassword" type="password" autoComplete="new-password" aria-invalid={!!errors.newPassword} />
      </Field>
      <Field id="confirmPassword" label="Repeat the new password" error={errors.confirmPassword}>
        <Input id="confirmPassword" name="confirmPassword" type="password" autoComplete="new-password" aria-invalid={!!errors.confirmPassword} />
      </Field>
      <div className="flex items-center gap-3">
        <Button type="submit" variant="primary" disabled={changePassword.isPending}>
          {changePassword.isPending ? "Changing…" : "Change password"}
        </Button>
        <p role="status" aria-live="polite" data-testid="password-status" className="text-slate-700">
          {status}
        </p>
      </div>
    </form>
  );
}
