"use client";
// A ticket opened by staff on behalf of a user: found by type-ahead (name or email), or typed
// in: POST /api/staff/tickets finds the user by email or creates them with the name given.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { UserPicker } from "@/components/directory/user-picker";
import { Button } from "@/components/ui/button";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { ApiError } from "@/lib/http/client";
import { useOpenTicket } from "@/lib/tickets/client";
import { FilePicker } from "./composer-parts";
import { zonedToIso } from "./zone-time";

interface Option {
  id: number;
  name: string;
}

export interface Requester {
  id: number;
  name: string;
  email: string;
  phone: string | null;
  org: { id: number; name: string } | null;
}

export function NewTicketForm({
  departments,
  topics,
  priorities,
  zone,
  defaultDeptId,
  user,
}: {
  departments: Option[];
  topics: Option[];
  priorities: (Option & { isDefault: boolean })[];
  zone: string;
  defaultDeptId?: number;
  /** Preselected requester (?userId= from the user's page). */
  user?: Requester;
}) {
  const router = useRouter();
  const open = useOpenTicket();
  const [who, setWho] = useState({ email: user?.email ?? "", name: user?.name ?? "", phone: user?.phone ?? "" });
  const [picked, setPicked] = useState<Requester | null>(user ?? null);
  const [files, setFiles] = useState<File[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState("");

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const get = (k: string) => String(f.get(k) ?? "").trim();
    setErrors({});
    setError("");
    const due = get("dueAt");
    try {
      const t = await open.mutateAsync({
        fields: {
          email: get("email"),
          name: get("name"),
          phone: get("phone"),
          subject: get("subject"),
          message: String(f.get("message") ?? ""),
          source: get("source"),
          deptId: get("deptId"),
          topicId: get("topicId"),
          priorityId: get("priorityId"),
          dueAt: due ? zonedToIso(due, zone) : undefined,
          internalNote: get("internalNote"),
          autorespond: f.get("autorespond") === "on",
          assignToMe: f.get("assignToMe") === "on",
        },
        files,
      });
      router.push(`/tickets/${t.id}`);
    } catch (err) {
      if (err instanceof ApiError) {
        setErrors(err.errors);
        setError(Object.keys(err.errors).length ? "Check the highlighted fields" : err.message);
      } else setError("The ticket could not be opened. Try again.");
    }
  }

  const err = (k: string) => errors[k];
  const person = (id: keyof typeof who, label: string, props: React.InputHTMLAttributes<HTMLInputElement>, hint?: string) =>
    text(id, label, {
      ...props,
      value: who[id],
      onChange: (e) => {
        const v = e.target.value;
        setWho((w) => ({ ...w, [id]: v }));
        // Typing another address means another (possibly new) user.
        if (id === "email") setPicked(null);
      },
    }, hint);
  const text = (id: string, label: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}, hint?: string) => (
    <Field id={id} label={label} error={err(id)} hint={hint}>
      <Input id={id} name={id} aria-invalid={!!err(id)} {...props} />
    </Field>
  );
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-4xl space-y-4">
      <fieldset className="grid gap-3 rounded border border-slate-200 bg-white p-4 md:grid-cols-3">
        <legend className="px-1 font-semibold">Requester</legend>
        <UserPicker
          id="find-user"
          label="Find a user"
          hint="Start typing a name or email; or fill in the fields below for a new user."
          className="md:col-span-3"
          onPick={(u) => {
            setPicked(u);
            setWho({ email: u.email, name: u.name, phone: u.phone ?? "" });
          }}
        />
        {picked && (
          <p data-testid="picked-user" className="rounded bg-blue-50 px-3 py-1.5 text-sm text-blue-900 md:col-span-3">
            Existing user: <span className="font-medium">{picked.name}</span> &lt;{picked.email}&gt;{picked.org ? ` · ${picked.org.name}` : ""}
          </p>
        )}
        {person("email", "Email", { type: "email", required: true, autoComplete: "off" }, "An existing user is found by email; otherwise one is created.")}
        {person("name", "Name", { autoComplete: "off" }, "For a new user.")}
        {person("phone", "Phone", { autoComplete: "off" })}
      </fieldset>
      <fieldset className="space-y-3 rounded border border-slate-200 bg-white p-4">
        <legend className="px-1 font-semibold">Ticket</legend>
        {text("subject", "Subject", { required: true, maxLength: 255 })}
        <Field id="message" label="Message" error={err("message")}>
          <Textarea id="message" name="message" rows={8} aria-invalid={!!err("message")} />
        </Field>
        <FilePicker id="new-files" files={files} onChange={setFiles} />
        <div className="grid gap-3 md:grid-cols-3">
          <Field id="deptId" label="Department" error={err("deptId")}>
            <Select id="deptId" name="deptId" defaultValue={defaultDeptId ?? ""}>
              <option value="">From the help topic</option>
              {departments.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field id="topicId" label="Help topic" error={err("topicId")}>
            <Select id="topicId" name="topicId" defaultValue="">
              <option value="">None</option>
              {topics.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field id="priorityId" label="Priority" error={err("priorityId")}>
            <Select id="priorityId" name="priorityId" defaultValue={priorities.find((p) => p.isDefault)?.id ?? ""}>
              {priorities.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field id="source" label="Source" error={err("source")}>
            <Select id="source" name="source" defaultValue="phone">
              <option value="phone">Phone</option>
              <option value="web">Web</option>
              <option value="staff">Staff</option>
            </Select>
          </Field>
          {text("dueAt", `Due date (${zone.replace(/_/g, " ")})`, { type: "datetime-local" })}
        </div>
        <Field id="internalNote" label="Internal note (optional)" error={err("internalNote")}>
          <Textarea id="internalNote" name="internalNote" rows={2} className="min-h-0" />
        </Field>
        <div className="flex flex-wrap gap-4">
          <label className="flex items-center gap-2">
            <input type="checkbox" name="autorespond" defaultChecked /> Send the user the new-ticket confirmation
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="assignToMe" /> Assign to me
          </label>
        </div>
      </fieldset>
      {error && (
        <p role="alert" data-testid="form-error" className="rounded border border-red-200 bg-red-50 px-3 py-2 text-red-800">
          {error}
        </p>
      )}
      <Button type="submit" variant="primary" disabled={open.isPending}>
        {open.isPending ? "Opening…" : "Open ticket"}
      </Button>
    </form>
  );
}
