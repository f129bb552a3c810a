// `npm run apikey -- create --name N [--ip 203.0.113.7] [--ip 10.0.0.0/8] [--no-create] [--no-cron] [--rate 120]`
// `npm run apikey -- list`, `npm run apikey -- revoke <id|prefix>`
import { parseArgs } from "node:util";
import { ZodError } from "zod";
import { closeDb } from "@/db/client";
import { createApiKey, listApiKeys, revokeApiKey } from "@/lib/api-keys";
import { fail, loadEnv } from "./lib/bootstrap";
import { openCliDb } from "./lib/db";

const USAGE = `usage:
  npm run apikey -- create --name NAME [--ip ADDR|CIDR]... [--no-create] [--no-cron] [--rate PER_MINUTE]
  npm run apikey -- list
  npm run apikey -- revoke ID|PREFIX`;

async function main() {
  loadEnv();
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      name: { type: "string" },
      ip: { type: "string", multiple: true },
      "no-create": { type: "boolean" },
      "no-cron": { type: "boolean" },
      rate: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  const [command, ref] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return;
  }
  const { db } = await openCliDb();
  if (command === "create") {
    if (!values.name) fail(`--name is required\n${USAGE}`, 64);
    const rate = values.rate === undefined ? 120 : Number(values.rate);
    if (!Number.isInteger(rate) || rate < 0) fail("--rate must be a whole number of requests a minute (0 = unlimited)", 64);
    const parsed = await createApiKey(
      db,
      { name: values.name, ipAllowList: values.ip ?? [], canCreateTickets: !values["no-create"], canExecuteCron: !values["no-cron"], rateLimit: rate },
      { actor: "cli" },
    ).catch((e: unknown) => fail(e instanceof ZodError ? e.issues.map((i) => i.message).join("; ") : (e as Error).message, 64));
    const k = parsed.apiKey;
    console.log(`Created API key #${k.id} "${k.name}" (${k.prefix}…)`);
    console.log(`  permissions: ${[k.canCreateTickets && "create tickets", k.canExecuteCron && "execute cron"].filter(Boolean).join(", ") || "none"}`);
    console.log(`  addresses:   ${k.ipAllowList.length ? k.ipAllowList.join(", ") : "any"}`);
    console.log(`  rate limit:  ${k.rateLimit ? `${k.rateLimit} requests a minute` : "none"}`);
    console.log(`\n  ${parsed.key}\n\nShown once: store it now. Send it as the X-API-Key header.`);
  } else if (command === "list") {
    const keys = await listApiKeys(db);
    if (!keys.length) console.log("No API keys.");
    for (const k of keys) {
      const perms = [k.canCreateTickets && "create", k.canExecuteCron && "cron"].filter(Boolean).join("+") || "-";
      const used = k.lastUsedAt ? `${k.lastUsedAt.toISOString()} from ${k.lastUsedIp ?? "?"}` : "never";
      console.log(`#${k.id}\t${k.prefix}…\t${k.isActive ? "active" : "revoked"}\t${perms}\t${k.ipAllowList.join(",") || "any address"}\t${k.rateLimit || "∞"}/min\tlast used ${used}\t${k.name}`);
    }
  } else if (command === "revoke") {
    if (!ref) fail(`which key? ${USAGE}`, 64);
    const r = await revokeApiKey(db, ref, { actor: "cli" });
    if (!r.revoked) fail(r.matches ? `"${ref}" matches ${r.matches} keys; use the id` : `no API key "${ref}"`, 1);
    console.log(`Revoked API key #${r.revoked.id} (${r.revoked.prefix}…).`);
  } else {
    fail(`unknown command "${command}"\n${USAGE}`, 64);
  }
}

main()
  .then(() => closeDb())
  .catch((e) => fail((e as Error).message));
