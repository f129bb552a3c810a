// Delivers a raw message through each inbound door so case tests can run against all of them:
// tickets.email (API key), the webhook, the pipe in-process (database) and the pipe through a
// running server (HELPDESK_URL mode, against a local HTTP server wrapping the webhook route).
import http from "node:http";
import { desc, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { inboundMessages } from "@/db/schema";
import { pipeToDatabase, pipeToServer } from "@/lib/inbound";
import { POST as ticketsEmail } from "@/app/api/tickets.email/route";
import { POST as webhook } from "@/app/api/inbound/email/route";
import { apiRequest } from "./intake-http";

export const INBOUND_SECRET = "inbound-test-secret";
export type Door = "api" | "webhook" | "pipe" | "pipe-server";
export const DOORS: Door[] = ["api", "webhook", "pipe"];

export interface Delivery {
  status: number;
  outcome: string | null;
  number: string | null;
  tid: number | null;
  exitCode?: number;
}

async function lastLogged(db: Db): Promise<{ outcome: string; ticketId: number | null } | null> {
  const [row] = await db.select().from(inboundMessages).orderBy(desc(inboundMessages.id)).limit(1);
  return row ? { outcome: row.outcome, ticketId: row.ticketId } : null;
}

/** A local server forwarding to the webhook route, for the pipe's HELPDESK_URL mode. */
export async function startWebhookServer(): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
    const response = await webhook(new Request(`http://localhost${req.url}`, { method: req.method, headers, body: Buffer.concat(chunks) }));
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}

export async function deliver(db: Db, door: Door, raw: Buffer, o: { key: string; serverUrl?: string }): Promise<Delivery> {
  if (door === "api") {
    const res = await ticketsEmail(apiRequest("/api/tickets.email", new Uint8Array(raw), { key: o.key, accept: "application/json", contentType: "message/rfc822" }));
    const body = await res.json();
    return { status: res.status, outcome: body.data?.outcome ?? null, number: body.data?.number || null, tid: body.data?.tid || null };
  }
  if (door === "webhook") {
    const res = await webhook(new Request("http://localhost/api/inbound/email", { method: "POST", headers: { "content-type": "message/rfc822", "x-inbound-secret": INBOUND_SECRET }, body: new Uint8Array(raw) }));
    const body = await res.json();
    return { status: res.status, outcome: body.outcome ?? null, number: body.number ?? null, tid: body.tid ?? null };
  }
  const r = door === "pipe" ? await pipeToDatabase(db, raw) : await pipeToServer(o.serverUrl!, INBOUND_SECRET, raw);
  const logged = await lastLogged(db);
  const number = /ticket #(\d+)/.exec(r.message)?.[1] ?? null;
  return { status: r.code === 0 ? 200 : 400, exitCode: r.code, outcome: logged?.outcome ?? null, number, tid: logged?.ticketId ?? null };
}

/** Empties everything a delivery creates (the seed stays), so each door starts from zero. */
export async function resetIntake(db: Db): Promise<void> {
  await db.execute(sql`TRUNCATE tickets, users, organizations, blobs, outbound_mail, inbound_messages, auto_mail_log, events, job_runs, job_locks RESTART IDENTITY CASCADE`);
}
