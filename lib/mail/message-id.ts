// Message-IDs of outgoing mail carry a signed token naming the ticket, so a reply threads even
// when its In-Reply-To points at a mail whose row is gone, and nobody can forge one that does.
//   hd.<tid>.<12 hex random>.<20 hex HMAC>@<our domain>
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { ensureAuthSecret } from "@/lib/config/auth-secret";
import { env } from "@/lib/config/env";
import { mailDomain } from "./addresses";

const PATTERN = /^hd\.(\d{1,10})\.([0-9a-f]{12})\.([0-9a-f]{20})@/i;

function secret(): string {
  const e = env();
  const s = e.AUTH_SECRET ?? e.NEXTAUTH_SECRET;
  if (s) return s;
  ensureAuthSecret();
  return env().AUTH_SECRET!;
}

function signature(tid: number, nonce: string): string {
  return createHmac("sha256", secret()).update(`message-id:${tid}:${nonce}`).digest("hex").slice(0, 20);
}

/** A new Message-ID (without angle brackets) naming the ticket. */
export function signedMessageId(tid: number): string {
  const nonce = randomBytes(6).toString("hex");
  return `hd.${tid}.${nonce}.${signature(tid, nonce)}@${mailDomain()}`;
}

/** A Message-ID not tied to a ticket (e.g. a staff digest). */
export function plainMessageId(): string {
  return `hd.x.${randomBytes(12).toString("hex")}@${mailDomain()}`;
}

/** The ticket id named by one of our signed Message-IDs, or null (not ours, or forged). */
export function ticketIdFromMessageId(messageId: string): number | null {
  const m = PATTERN.exec(messageId.trim().replace(/^</, ""));
  if (!m) return null;
  const tid = Number(m[1]);
  const expected = Buffer.from(signature(tid, m[2].toLowerCase()));
  const given = Buffer.from(m[3].toLowerCase());
  return expected.length === given.length && timingSafeEqual(expected, given) ? tid : null;
}

/** "<id>" for headers. */
export const angle = (id: string) => `<${id.replace(/^<|>$/g, "")}>`;
