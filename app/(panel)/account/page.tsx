import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { PageHeader } from "@/components/admin/page-header";
import { PasswordForm } from "@/components/account/password-form";
import { ProfileForm } from "@/components/account/profile-form";
import { requirePageStaff } from "@/lib/auth/page-session";
import { getStaffMember } from "@/lib/staff";

export const metadata: Metadata = { title: "My settings" };

export default async function AccountPage() {
  const me = await requirePageStaff();
  const m = await getStaffMember(await getDb(), me.id);
  return (
    <section className="max-w-5xl">
      <PageHeader title="My settings" description="Your name, time zone, signature and password." />
      <div className="grid gap-4 lg:grid-cols-2">
        <ProfileForm profile={{ name: m.name, email: m.email, timezone: m.timezone, signature: m.signature, phone: m.phone, smsOptOut: m.smsOptOut }} />
        <PasswordForm />
      </div>
    </section>
  );
}
