"use client";
// My settings: name, time zone (every time in the panel is shown in it), signature, SMS phone.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { timeZoneOptions } from "@/components/admin/time-zones";
import { Button } from "@/components/ui/button";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { ApiError } from "@/lib/http/client";
import { useOwnAccount } from "@/lib/staff/client";

export interface Profile {
  name: string;
  email: string;
  timezone: string;
  signature: string;
  phone: string | null;
  smsOptOut: boolean;
}

export function ProfileForm({ profile }: { profile: Profile }) {
  const router = useRouter();
  const { update } = useOwnAccount();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState("");

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const phone = String(f.get("phone") ?? "").trim();
    setErrors({});
    setStatus("");
    try {
      await update.mutateAsync({
        name: String(f.get("name") ?? ""),
        timezone: String(f.get("timezone") ?? ""),
        signature: String(f.get("signature") ?? ""),
        phone: phone || null,
        smsOptOut: f.get("smsOptOut") === "on",
      });
      setStatus("Settings saved");
      router.refresh();
    } catch (err) {
      if (err instanceof ApiError) {
        setErrors(err.errors);
        setStatus(Object.keys(err.errors).length ? "Check the highlighted fields" : err.message);
      } else setStatus("The settings could not be saved. Try again.");
    }
  }

  const err = (k: string) => errors[k];
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="profile-heading" className="space-y-3 rounded border border-slate-200 bg-white p-4">
      <h2 id="profile-heading" className="font-semibold">
        My settings
      </h2>
      <p className="text-slate-600">Signed in as {profile.email}.</p>
      <Field id="name" label="Name" error={err("name")}>
        <Input id="name" name="name" defaultValue={profile.name} aria-invalid={!!err("name")} autoComplete="name" />
      </Field>
      <Field id="timezone" label="Time zone" hint="Every time in the panel is shown in this zone." error={err("timezone")}>
        <Select id="timezone" name="timezone" defaultValue={profile.timezone} aria-invalid={!!err("timezone")}>
          {timeZoneOptions(profile.timezone).map((z) => (
            <option key={z.value} value={z.value}>
              {z.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="signature" label="Signature" hint="Added below your replies when “Signature” is ticked." error={err("signature")}>
        <Textarea id="signature" name="signature" rows={4} defaultValue={profile.signature} aria-invalid={!!err("signature")} />
      </Field>
      <Field id="phone" label="Mobile phone (SMS alerts)" hint="International format, e.g. +15551234567." error={err("phone")}>
        <Input id="phone" name="phone" defaultValue={profile.phone ?? ""} aria-invalid={!!err("phone")} autoComplete="tel" />
      </Field>
      <label className="flex items-center gap-2">
        <input type="checkbox" name="smsOptOut" defaultChecked={profile.smsOptOut} /> Do not send me SMS alerts
      </label>
      <div className="flex items-center gap-3">
        <Button type="submit" variant="primary" disabled={update.isPending}>
          {update.isPending ? "Saving…" : "Save settings"}
        </Button>
        <p role="status" aria-live="polite" data-testid="profile-status" className="text-slate-700">
          {status}
        </p>
      </div>
    </form>
  );
}
