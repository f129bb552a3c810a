"use client";
// "New task" on the ticket view: the task dialog with this ticket linked and its department first.
import { useState } from "react";
import { NewTaskDialog } from "@/components/tasks/new-task-dialog";
import { Button } from "@/components/ui/button";
import { useTicket } from "./ticket-context";

export function NewTicketTaskButton() {
  const { ticket, succeeded } = useTicket();
  const [open, setOpen] = useState(false);
  const isOpen = ticket.status === "open" || ticket.status === "awaiting_client";
  if (!isOpen) return null;
  return (
    <>
      <Button size="sm" onClick={() => setOpen(true)}>
        New task
      </Button>
      <NewTaskDialog
        open={open}
        onClose={() => setOpen(false)}
        zone={ticket.zone}
        ticket={{ id: ticket.id, number: ticket.number, deptId: ticket.deptId }}
        onCreated={(t) => {
          setOpen(false);
          succeeded(`Task “${t.title}” created`);
        }}
      />
    </>
  );
}
