"use client";
// /admin/settings: every admin-editable setting in one form, grouped. Only the settings that
// changed are sent; the API checks them again and records the change.
import { useRouter } from "next/navigation";
import { useMemo } from "react";
import { useSaveSettings } from "@/lib/config/client";
import { mailTemplateKeys, settingsPatchSchema } from "@/lib/config/settings-patch";
import { type Settings, settingLimits } from "@/lib/config/settings-schema";
import { EntityForm, type FieldDef, type Option, type Values } from "./entity-form";
import { Flash, useFlash } from "./flash";
import { PageHeader } from "./page-header";
import { timeZoneOptions } from "./time-zones";

const MiB = 1024 * 1024;
const BYTE_KEYS = ["maxRequestBytes", "maxAttachmentBytes"] as const;

const templateLabels: Record<string, { title: string; hint: string }> = {
  autoResponse: { title: "Auto-response to a new ticket's sender", hint: "%{recipient.name} %{ticket.number} %{ticket.subject} %{ticket.url} %{user.name} %{user.email} %{helpdesk.name}" },
  newTicketAlert: { title: "New-ticket alert to the department's staff", hint: "%{recipient.name} %{dept.name} %{ticket.number} %{ticket.subject} %{ticket.url} %{user.name} %{user.email} %{message}" },
  staffResponse: { title: "Staff reply", hint: "%{message} %{signature} %{staff.name} %{dept.name} %{recipient.name} %{ticket.number} %{ticket.subject}" },
};

/** Form values are flat ("mailTemplates.autoResponse.subject") and sizes in MB; the API wants nesting and bytes. */
function toPatch(values: Values): Values {
  const out: Values = {};
  for (const [key, value] of Object.entries(values)) {
    const parts = key.split(".");
    if (parts.length === 3) {
      const templates = (out.mailTemplates ??= {}) as Record<string, Record<string, unknown>>;
      (templates[parts[1]] ??= {})[parts[2]] = value;
    } else if ((BYTE_KEYS as readonly string[]).includes(key)) out[key] = typeof value === "number" ? Math.round(value * MiB) : value;
    else out[key] = value;
  }
  return out;
}

function toInitial(s: Settings): Values {
  const v: Values = { ...s };
  for (const k of BYTE_KEYS) v[k] = Math.round((s[k] / MiB) * 100) / 100;
  for (const t of mailTemplateKeys) {
    v[`mailTemplates.${t}.subject`] = s.mailTemplates[t].subject;
    v[`mailTemplates.${t}.body`] = s.mailTemplates[t].body;
  }
  return v;
}

export function SettingsForm({ settings, departments, priorities, slas }: { settings: Settings; departments: Option[]; priorities: Option[]; slas: Option[] }) {
  const router = useRouter();
  const save = useSaveSettings();
  const { flash, ok, clear } = useFlash();
  const fields = useMemo<FieldDef[]>(
    () => [
      { section: "General", name: "helpdeskName", label: "Help desk name", kind: "text", hint: "Used in mail templates as %{helpdesk.name}." },
      { name: "timezone", label: "Time zone of scheduled jobs", kind: "select", options: timeZoneOptions(settings.timezone), hint: "Digests and daily jobs run on this clock; each staff member sees times in their own zone." },
      {
        name: "ticketNumberFormat",
        label: "Ticket numbers",
        kind: "select",
        options: [
          { value: "random", label: "Random, 6 digits (7 when the space fills up)" },
          { value: "sequence", label: "Sequential (1000, 1001, …)" },
        ],
      },
      { section: "New tickets", name: "defaultDeptId", label: "Default department", kind: "select", emptyLabel: "None", options: departments, hint: "For tickets whose topic names none." },
      { name: "defaultPriorityId", label: "Default priority", kind: "select", emptyLabel: "None", options: priorities },
      { name: "defaultSlaId", label: "Default SLA plan", kind: "select", emptyLabel: "None", options: slas },
      { name: "autoRespondNewTickets", label: "Send the auto-response to the sender", kind: "checkbox", wide: true },
      { name: "alertNewTickets", label: "Alert the department's staff", kind: "checkbox", wide: true },
      { section: "Closing and reopening", name: "autoCloseDays", label: "Auto-close after (days)", kind: "number", min: 0, max: settingLimits.days, hint: "Awaiting-client and resolved tickets with no activity for this long are closed." },
      { name: "deletedRetentionDays", label: "Purge deleted tickets after (days)", kind: "number", min: 1, max: settingLimits.days },
      { name: "draftRetentionDays", label: "Purge old drafts after (days)", kind: "number", min: 1, max: settingLimits.days },
      {
        name: "reopenStatuses",
        label: "A client's reply reopens tickets that are",
        kind: "multi",
        options: [
          { value: "resolved", label: "Resolved" },
          { value: "closed", label: "Closed" },
          { value: "archived", label: "Archived" },
        ],
        hint: "A reply to a ticket in any other closed status opens a new ticket linked to it.",
      },
      { section: "Email", name: "replySeparator", label: "Reply separator", kind: "text", hint: "Put above outgoing mail; text the client writes below it is cut from their reply." },
      { name: "supportAddresses", label: "Other support addresses", kind: "lines", rows: 3, hint: "Aliases that deliver to the help desk, one a line. They are never mailed." },
      { name: "banList", label: "Ban list", kind: "lines", rows: 4, hint: "Addresses (spam@example.com) or domains (@example.com), one a line. Their mail is refused." },
      ...mailTemplateKeys.flatMap<FieldDef>((t) => [
        { section: `Template: ${templateLabels[t]?.title ?? t}`, name: `mailTemplates.${t}.subject`, label: "Subject", kind: "text", wide: true },
        { name: `mailTemplates.${t}.body`, label: "Body", kind: "textarea", rows: 6, hint: templateLabels[t] ? `Variables: ${templateLabels[t].hint}` : undefined },
      ]),
      { section: "Limits", name: "maxRequestBytes", label: "Largest request (MB)", kind: "number", min: 1, max: settingLimits.bytes / MiB },
      { name: "maxAttachmentBytes", label: "Largest attachment (MB)", kind: "number", min: 1, max: settingLimits.bytes / MiB },
      { name: "maxTicketsPerSenderPerHour", label: "New tickets a sender may open an hour", kind: "number", min: 0, max: settingLimits.perHour, hint: "0 means no limit." },
      { name: "maxAutoMailsPerAddressPerHour", label: "Automatic mails to one address an hour", kind: "number", min: 0, max: settingLimits.perHour, hint: "Stops mail loops with other auto-responders." },
      { name: "maxCollaboratorsPerMail", label: "Collaborators added from one mail", kind: "number", min: 0, max: settingLimits.collaboratorsPerMail, hint: "People in To/Cc of a new mail beyond this are left out (a note says so)." },
      { name: "blockedExtensions", label: "Blocked attachment types", kind: "lines", rows: 2, hint: "File extensions, separated by commas or lines." },
      { section: "Sign-in protection", name: "signInMaxFailuresPerAccount", label: "Failures that lock an account", kind: "number", min: 1, max: settingLimits.signInFailures },
      { name: "signInMaxFailuresPerAddress", label: "Failures that lock a client address", kind: "number", min: 1, max: settingLimits.signInFailures },
      { name: "signInLockMinutes", label: "Lock for (minutes)", kind: "number", min: 1, max: 1440 },
    ],
    [settings.timezone, departments, priorities, slas],
  );

  return (
    <section className="max-w-4xl">
      <PageHeader title="Settings" description="How the help desk numbers, routes, mails and protects tickets. Changes apply within a few seconds." />
      <Flash flash={flash} onDismiss={clear} />
      <div className="rounded border border-slate-200 bg-white p-4">
        <EntityForm
          mode="edit"
          fields={fields}
          initial={toInitial(settings)}
          transform={toPatch}
          schema={settingsPatchSchema}
          submitLabel="Save settings"
          stickyActions
          onSubmit={async (patch) => {
            await save.mutateAsync(patch);
            ok("Settings saved");
            router.refresh();
          }}
        />
      </div>
    </section>
  );
}
