"use client";
// A ticket opened by staff on behalf of a user: the user is found by email or created with the
// name given (POST /api/staff/tickets does find-or-create).
// TODO(users API): offer the user search picker here when it lands.
import { useRouter } from "next/navigation";
import { useState } from "react";
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

export function NewTicketForm({ departments, topics, priorities, zone, defaultDeptId }: { departments: Option[]; topics: Option[]; priorities: (Option & { isDefault: boolean })[]; zone: string; defaultDeptId?: number }) {
  const router = useRouter();
  const open = useOpenTicket();
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
  const text = (id: string, label: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}, hint?: string) => (
    <Field id={id} label={label} error={err(id)} hint={hint}>
      <Input id={id} name={id} aria-invalid={!!err(id)} {...props} />
    </Field>
  );
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-4xl space-y-4">
      <fieldset className="grid gap-3 rounded border border-slate-200 bg-white p-4 md:grid-cols-3">
        <legend className="px-1 font-semibold">Requester</legend>
        {text("email", "Email", { type: "email", required: true, autoComplete: "off" }, "An existing user is found by email; otherwise one is created.")}
        {text("name", "Name", { autoComplete: "off" }, "For a new user.")}
        {text("phone", "Phone", { autoComplete: "off" })}
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
