// `npm run search -- <command>`: maintenance of the search documents and the hosted index.
//   reindex          rebuild every ticket's search document (after an upgrade; splits old CJK text)
//   algolia-rebuild  fill a new Algolia index with every ticket and move it over the live one
//   sync             send queued changes to Algolia now (what the search-sync job does)
//   compact          fold the ticket-count deltas (what the search-maintenance job does)
import { closeDb } from "@/db/client";
import { compactTicketCounts, ensureAlgoliaSync, reindexAll, requestAlgoliaRebuild, runSearchSync } from "@/lib/search";
import { isConfigured } from "@/lib/config/features";
import { fail, loadEnv } from "./lib/bootstrap";
import { openCliDb } from "./lib/db";

loadEnv();
const command = process.argv[2];
const commands = ["reindex", "algolia-rebuild", "sync", "compact"];
if (!command || !commands.includes(command)) fail(`usage: npm run search -- ${commands.join(" | ")}`, 64);
if ((command === "algolia-rebuild" || command === "sync") && !isConfigured("algolia")) fail("Algolia is not configured (ALGOLIA_APP_ID, ALGOLIA_API_KEY)", 78);
const { db } = await openCliDb();
if (command === "reindex") {
  const n = await reindexAll(db, 500, (done) => process.stdout.write(`\r  ${done} tickets`));
  console.log(`\nReindexed ${n} tickets.`);
} else if (command === "algolia-rebuild") {
  await ensureAlgoliaSync(db);
  await requestAlgoliaRebuild(db);
  console.log(JSON.stringify(await runSearchSync(db)));
} else if (command === "sync") {
  console.log(JSON.stringify(await runSearchSync(db)));
} else {
  console.log(JSON.stringify(await compactTicketCounts(db)));
}
await closeDb();
