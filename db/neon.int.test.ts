// The Neon driver against the local PostgreSQL, through a loopback WebSocket-to-TCP relay
// (Neon's serverless driver speaks the Postgres protocol over WebSockets).
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { WebSocketServer } from "ws";
import pg from "pg";
import { sql } from "drizzle-orm";
import { neonConfig } from "@neondatabase/serverless";
import { openDb } from "./client";
import { migrationStatus, readJournal } from "./migrate";
import { rows } from "./rows";
import { users } from "./schema";
import "../test/db-config";

const config = inject("testDb");
let relay: WebSocketServer | undefined;

beforeAll(async () => {
  if (config.kind !== "pg") return;
  relay = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  relay.on("connection", (ws, req) => {
    const address = new URL(req.url ?? "/", "http://relay").searchParams.get("address") ?? "";
    const [host, port] = address.split(":");
    if (!["127.0.0.1", "localhost"].includes(host)) return ws.close();
    const socket = net.connect(Number(port), "127.0.0.1");
    const pending: Buffer[] = [];
    let open = false;
    socket.on("connect", () => {
      open = true;
      for (const b of pending) socket.write(b);
    });
    ws.on("message", (data: Buffer) => (open ? socket.write(data) : pending.push(data)));
    socket.on("data", (d) => ws.send(d));
    socket.on("close", () => ws.close());
    socket.on("error", () => ws.close());
    ws.on("close", () => socket.destroy());
  });
  await new Promise((r) => relay!.once("listening", r));
  const { port } = relay.address() as net.AddressInfo;
  neonConfig.wsProxy = (h, p) => `127.0.0.1:${port}/v2?address=${h}:${p}`;
  neonConfig.useSecureWebSocket = false;
  neonConfig.pipelineConnect = false;
  neonConfig.pipelineTLS = false;
});

afterAll(() => relay?.close());

describe("neon driver", () => {
  it("migrates, writes and reads through @neondatabase/serverless", async () => {
    if (config.kind !== "pg") return; // needs a PostgreSQL server behind the relay
    const name = `${config.prefix}neon_${process.pid}`;
    const admin = new pg.Client({ connectionString: config.url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
    await admin.query(`CREATE DATABASE "${name}"`);
    const u = new URL(config.url);
    u.pathname = `/${name}`;
    if (!u.password) u.password = "unused"; // the Neon driver insists on a password field
    try {
      const handle = await openDb({ url: u.toString(), driver: "neon" });
      expect(handle.driver).toBe("neon");
      expect((await migrationStatus(handle)).applied).toBe(readJournal().length);
      const [row] = await handle.db.insert(users).values({ email: "Neon@Example.com", name: "Neon" }).returning();
      const found = await handle.db.transaction(async (tx) =>
        rows<{ email: string }>(tx, sql`SELECT email FROM users WHERE id = ${row.id}`),
      );
      expect(found[0].email).toBe("Neon@Example.com");
      await handle.close();
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    }
  });
});
