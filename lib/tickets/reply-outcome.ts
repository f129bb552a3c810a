// What the sender is told after a reply, from the mail row it queued: every mail goes through
// the outbox, and without SMTP it stays there unsent. Pure: the reply route and the composer use it.
export interface ReplyMail {
  id: number | null;
  status?: string | null;
  to: string[];
  cc: string[];
}

export function replyOutcome(mail: ReplyMail | null | undefined): string {
  if (!mail?.id) return "Reply saved; no mail could be addressed";
  const to = [...mail.to, ...mail.cc].join(", ");
  if (mail.status === "unsent") return `Reply saved; the mail to ${to} waits in the outbox (outbound email is not configured)`;
  if (mail.status === "sent") return `Reply sent to ${to}`;
  return `Reply queued in the outbox for ${to}`;
}
