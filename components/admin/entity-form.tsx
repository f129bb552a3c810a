"use client";
// One form for the create and edit dialogs of the admin and directory pages, described by a
// list of fields. Values are checked with the same zod schema the API uses before sending; the
// API's field errors land under the same fields. An edit sends only the fields that changed.
import { type FormEvent, Fragment, useId, useMemo, useRef, useState } from "react";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { ApiError } from "@/lib/http/client";
import { zodFieldErrors } from "@/lib/http/errors";
import { cn } from "@/lib/utils";

export interface Option {
  value: string | number;
  label: string;
}

export interface FieldDef {
  name: string;
  label: string;
  kind: "text" | "email" | "password" | "textarea" | "number" | "color" | "select" | "checkbox" | "multi" | "lines";
  hint?: string;
  options?: Option[];
  /** select: the label of the empty choice, which sends null. */
  emptyLabel?: string;
  placeholder?: string;
  autoComplete?: string;
  rows?: number;
  min?: number;
  max?: number;
  /** Shown only when creating. */
  createOnly?: boolean;
  /** Laid out across the whole width (textareas, checkbox groups). */
  wide?: boolean;
  /** Text inputs left empty: sent as null, or not sent ("omit"; the default for passwords). */
  empty?: "null" | "omit";
  /** Starts a titled group of fields (long forms such as the settings). */
  section?: string;
}

type State = Record<string, string | boolean | string[]>;
export type Values = Record<string, unknown>;

const numeric = (f: FieldDef) => f.options?.length && typeof f.options[0].value === "number";

function toState(fields: FieldDef[], initial: Values): State {
  const s: State = {};
  for (const f of fields) {
    const v = initial[f.name];
    if (f.kind === "checkbox") s[f.name] = !!v;
    else if (f.kind === "multi") s[f.name] = Array.isArray(v) ? v.map(String) : [];
    else if (f.kind === "lines") s[f.name] = Array.isArray(v) ? v.join("\n") : "";
    else s[f.name] = v === null || v === undefined ? "" : String(v);
  }
  return s;
}

/** Form state back to typed values; empty optional inputs are left out (or null for selects). */
export function toValues(fields: FieldDef[], state: State): Values {
  const out: Values = {};
  for (const f of fields) {
    const v = state[f.name];
    if (f.kind === "checkbox") out[f.name] = !!v;
    else if (f.kind === "multi") out[f.name] = (v as string[]).map((x) => (numeric(f) ? Number(x) : x));
    else if (f.kind === "lines")
      out[f.name] = String(v)
        .split(/[\n,]/)
        .map((x) => x.trim())
        .filter(Boolean);
    else if (f.kind === "select") {
      if (v === "") {
        if (f.emptyLabel !== undefined) out[f.name] = null;
      } else out[f.name] = numeric(f) ? Number(v) : v;
    } else if (f.kind === "number") {
      if (v !== "") out[f.name] = Number(v);
      else if (f.empty === "null") out[f.name] = null;
    } else if (v === "" && (f.empty ?? (f.kind === "password" ? "omit" : undefined))) {
      if (f.empty === "null") out[f.name] = null;
    } else out[f.name] = v;
  }
  return out;
}

/** The API's and zod's error keys ("ipAllowList.0") belong to the field named by the first part. */
function byField(errors: Record<string, string>, fields: FieldDef[]) {
  const names = new Set(fields.map((f) => f.name));
  const out: Record<string, string> = {};
  const rest: string[] = [];
  for (const [key, message] of Object.entries(errors)) {
    const name = names.has(key) ? key : (key.match(/^(.*)\.\d+$/)?.[1] ?? key.split(".")[0]);
    if (names.has(name)) out[name] ??= message;
    else rest.push(key === "_" ? message : `${key}: ${message}`);
  }
  return { fields: out, form: rest.join(" ") };
}

export interface EntityFormProps {
  fields: FieldDef[];
  initial?: Values;
  /** Validates what will be sent (the create schema, or the update schema for edits). */
  schema?: z.ZodType;
  mode: "create" | "edit";
  submitLabel: string;
  onSubmit: (values: Values) => Promise<unknown>;
  onCancel?: () => void;
  /** Reshapes the form's values into what the schema and the API expect (e.g. nesting, units). */
  transform?: (values: Values) => Values;
  /** Keeps the buttons in view at the bottom of long forms. */
  stickyActions?: boolean;
}

export function EntityForm({ fields: all, initial = {}, schema, mode, submitLabel, onSubmit, onCancel, transform = (v) => v, stickyActions }: EntityFormProps) {
  const fields = useMemo(() => all.filter((f) => mode === "create" || !f.createOnly), [all, mode]);
  const [state, setState] = useState<State>(() => toState(fields, initial));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState("");
  const [pending, setPending] = useState(false);
  const uid = useId();
  const formRef = useRef<HTMLFormElement>(null);

  /** Takes keyboard and screen-reader users to the first field that needs fixing. */
  const showErrors = (fieldErrors: Record<string, string>, message: string) => {
    setErrors(fieldErrors);
    setFormError(message);
    requestAnimationFrame(() => {
      const first = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], fieldset[data-invalid="true"] input');
      (first ?? formRef.current?.querySelector<HTMLElement>('[role="alert"]'))?.focus({ preventScroll: false });
      if (!first) formRef.current?.scrollIntoView({ block: "start" });
    });
  };

  const set = (name: string, value: string | boolean | string[]) => setState((s) => ({ ...s, [name]: value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    let values = toValues(fields, state);
    if (mode === "edit") {
      const before = toValues(fields, toState(fields, initial));
      values = Object.fromEntries(Object.entries(values).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(before[k])));
      if (!Object.keys(values).length) {
        showErrors({}, "Nothing has changed.");
        return;
      }
    }
    values = transform(values);
    if (schema) {
      const parsed = schema.safeParse(values);
      if (!parsed.success) {
        const split = byField(zodFieldErrors(parsed.error), fields);
        showErrors(split.fields, split.form || "Check the highlighted fields.");
        return;
      }
    }
    setPending(true);
    setErrors({});
    setFormError("");
    try {
      await onSubmit(values);
    } catch (err) {
      if (err instanceof ApiError) {
        const split = byField(err.errors, fields);
        showErrors(split.fields, split.form || err.message);
      } else showErrors({}, "The change could not be saved. Try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="space-y-3">
      {formError && (
        <p role="alert" tabIndex={-1} data-testid="form-error" className="rounded border border-red-200 bg-red-50 px-3 py-2 text-red-800">
          {formError}
        </p>
      )}
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        {fields.map((f) => (
          <Fragment key={f.name}>
            {f.section && <h2 className="border-b border-slate-200 pt-3 pb-1 text-sm font-semibold text-slate-900 first:pt-0 sm:col-span-2">{f.section}</h2>}
            <FormControl id={`${uid}-${f.name.replace(/\W/g, "-")}`} field={f} value={state[f.name]} error={errors[f.name]} onChange={(v) => set(f.name, v)} />
          </Fragment>
        ))}
      </div>
      <div className={cn("flex justify-end gap-2 border-t border-slate-100 pt-3", stickyActions && "sticky bottom-0 -mx-4 -mb-4 rounded-b bg-white/95 px-4 pb-3 backdrop-blur")}>
        {onCancel && (
          <Button onClick={onCancel} disabled={pending}>
            Cancel
          </Button>
        )}
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? "Saving…" : submitLabel}
        </Button>
      </div>
    </form>
  );
}

function FormControl({ id, field: f, value, error, onChange }: { id: string; field: FieldDef; value: State[string]; error?: string; onChange: (v: string | boolean | string[]) => void }) {
  const wide = f.wide || f.kind === "textarea" || f.kind === "lines" || f.kind === "multi";
  const described = error ? `${id}-error` : f.hint ? `${id}-hint` : undefined;
  const common = { id, name: f.name, "aria-invalid": error ? true : undefined, "aria-describedby": described };
  if (f.kind === "checkbox") {
    return (
      <div className={cn("flex items-start gap-2 pt-1", wide && "sm:col-span-2")}>
        <input {...common} type="checkbox" checked={!!value} onChange={(e) => onChange(e.target.checked)} className="mt-0.5 size-4 rounded border-slate-300 accent-blue-700" />
        <div>
          <label htmlFor={id} className="font-medium text-slate-800">
            {f.label}
          </label>
          {f.hint && !error && (
            <p id={`${id}-hint`} className="text-xs text-slate-500">
              {f.hint}
            </p>
          )}
          {error && (
            <p id={`${id}-error`} role="alert" className="text-xs text-red-700">
              {error}
            </p>
          )}
        </div>
      </div>
    );
  }
  if (f.kind === "multi") {
    const selected = new Set(value as string[]);
    return (
      <fieldset className="space-y-1 sm:col-span-2" aria-describedby={described} data-invalid={error ? "true" : undefined}>
        <legend className="text-sm font-medium text-slate-800">{f.label}</legend>
        <div className="flex max-h-40 flex-wrap gap-x-4 gap-y-1 overflow-y-auto rounded border border-slate-200 p-2">
          {(f.options ?? []).length === 0 && <span className="text-slate-500">None available</span>}
          {(f.options ?? []).map((o) => {
            const v = String(o.value);
            return (
              <label key={v} className="flex items-center gap-1.5">
                <input
                  type="checkbox"
                  checked={selected.has(v)}
                  onChange={(e) => onChange(e.target.checked ? [...selected, v] : [...selected].filter((x) => x !== v))}
                  className="size-4 accent-blue-700"
                />
                {o.label}
              </label>
            );
          })}
        </div>
        {f.hint && !error && (
          <p id={`${id}-hint`} className="text-xs text-slate-500">
            {f.hint}
          </p>
        )}
        {error && (
          <p id={`${id}-error`} role="alert" className="text-xs text-red-700">
            {error}
          </p>
        )}
      </fieldset>
    );
  }
  const text = value as string;
  let control;
  if (f.kind === "textarea" || f.kind === "lines") {
    control = <Textarea {...common} rows={f.rows ?? 4} value={text} placeholder={f.placeholder} onChange={(e) => onChange(e.target.value)} className="font-mono text-xs" />;
  } else if (f.kind === "select") {
    control = (
      <Select {...common} value={text} onChange={(e) => onChange(e.target.value)}>
        {f.emptyLabel !== undefined && <option value="">{f.emptyLabel}</option>}
        {f.emptyLabel === undefined && text === "" && <option value="">Choose…</option>}
        {(f.options ?? []).map((o) => (
          <option key={String(o.value)} value={String(o.value)}>
            {o.label}
          </option>
        ))}
      </Select>
    );
  } else if (f.kind === "color") {
    control = (
      <div className="flex items-center gap-2">
        <input type="color" aria-label={`${f.label} picker`} value={/^#[0-9a-f]{6}$/i.test(text) ? text : "#64748b"} onChange={(e) => onChange(e.target.value)} className="h-8 w-10 rounded border border-slate-300" />
        <Input {...common} value={text} onChange={(e) => onChange(e.target.value)} placeholder="#2563eb" className="font-mono" />
      </div>
    );
  } else {
    control = (
      <Input
        {...common}
        type={f.kind}
        value={text}
        min={f.min}
        max={f.max}
        placeholder={f.placeholder}
        autoComplete={f.autoComplete ?? (f.kind === "password" ? "new-password" : "off")}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  }
  return (
    <Field id={id} label={f.label} hint={f.hint} error={error} className={cn(wide && "sm:col-span-2")}>
      {control}
    </Field>
  );
}
