// `npm run mail:pipe < message.eml` - for a mail server's pipe alias, e.g. in /etc/aliases:
//   support: "|cd /srv/helpdesk && npm run --silent mail:pipe"
// Exit codes: 0 delivered, 65 no header block, 77 refused, 75 temporary failure (the MTA retries).
import { closeDb, getDb } from "@/db/client";
import { env } from "@/lib/config/env";
import { EXIT, pipeToDatabase, pipeToServer } from "@/lib/inbound";
import { loadEnv } from "./lib/bootstrap";

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function main(): Promise<number> {
  try {
    loadEnv();
  } catch {
    return EXIT.tempFail;
  }
  const raw = await readStdin();
  const e = env();
  if (e.HELPDESK_URL) {
    const r = await pipeToServer(e.HELPDESK_URL, e.INBOUND_EMAIL_SECRET, raw);
    console.error(`mail:pipe: ${r.message}`);
    return r.code;
  }
  let db;
  try {
    db = await getDb();
  } catch (err) {
    // Database down or the embedded one in use by the server: retry later, never bounce.
    console.error(`mail:pipe: temporary failure, cannot open the database: ${(err as Error).message}`);
    if (!e.DATABASE_URL) console.error("mail:pipe: with the embedded database and a running server, set HELPDESK_URL and INBOUND_EMAIL_SECRET");
    return EXIT.tempFail;
  }
  const r = await pipeToDatabase(db, raw);
  console.error(`mail:pipe: ${r.message}`);
  return r.code;
}

main()
  .catch((err) => {
    console.error(`mail:pipe: temporary failure: ${(err as Error).message}`);
    return EXIT.tempFail;
  })
  .then(async (code) => {
    await closeDb().catch(() => {});
    process.exit(code);
  });
