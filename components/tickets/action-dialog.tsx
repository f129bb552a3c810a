"use client";
// A dialog around one ticket action: its fields, an optional comment (posted as an internal
// note with the change), and the reason when the action is refused.
import { type ReactNode, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, Textarea } from "@/components/ui/field";
import { useTicket } from "./ticket-context";

export function ActionDialog({
  open,
  title,
  submitLabel,
  onClose,
  onSubmit,
  children,
  withComment = true,
  danger = false,
  disabled = false,
}: {
  open: boolean;
  title: string;
  submitLabel: string;
  onClose: () => void;
  /** Receives the comment; resolves to the success message. */
  onSubmit: (comment: string | undefined) => Promise<string>;
  children?: ReactNode;
  withComment?: boolean;
  danger?: boolean;
  disabled?: boolean;
}) {
  const { succeeded, failed } = useTicket();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState("");
  const close = () => {
    setError("");
    onClose();
  };

  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const comment = String(new FormData(e.currentTarget).get("comment") ?? "").trim() || undefined;
    setPending(true);
    setError("");
    try {
      const message = await onSubmit(comment);
      close();
      succeeded(message);
    } catch (err) {
      setError(failed(err));
    } finally {
      setPending(false);
    }
  }

  return (
    <Dialog open={open} onClose={close} title={title}>
      <form onSubmit={submit} className="space-y-3">
        {children}
        {withComment && (
          <Field id="action-comment" label="Comment (optional, kept as an internal note)">
            <Textarea id="action-comment" name="comment" rows={2} className="min-h-0" />
          </Field>
        )}
        {error && (
          <p role="alert" data-testid="action-error" className="rounded border border-red-200 bg-red-50 px-3 py-2 text-red-800">
            {error}
          </p>
        )}
        <div className="flex justify-end gap-2">
          <Button onClick={close} disabled={pending}>
            Cancel
          </Button>
          <Button type="submit" variant={danger ? "danger" : "primary"} disabled={pending || disabled}>
            {pending ? "Working…" : submitLabel}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
