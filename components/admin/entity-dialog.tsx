"use client";
// The create/edit dialog: a modal around EntityForm that closes when the save succeeds.
import { Dialog } from "@/components/ui/dialog";
import { EntityForm, type EntityFormProps } from "./entity-form";

export function EntityDialog({ open, title, onClose, ...form }: Omit<EntityFormProps, "onCancel"> & { open: boolean; title: string; onClose: () => void }) {
  return (
    <Dialog open={open} onClose={onClose} title={title} className="max-w-2xl">
      {/* Remounted per opening so the form starts from the row being edited. */}
      {open && <EntityForm {...form} onCancel={onClose} />}
    </Dialog>
  );
}
