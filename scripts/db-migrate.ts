// `npm run db:migrate`: apply pending migrations to the configured database.
import { closeDb } from "@/db/client";
import { migrationStatus } from "@/db/migrate";
import { loadEnv } from "./lib/bootstrap";
import { openCliDb } from "./lib/db";

loadEnv();
const handle = await openCliDb(); // opening applies pending migrations
const status = await migrationStatus(handle);
console.log(`${handle.driver} (${handle.location}): ${status.applied}/${status.available} migrations applied, latest ${status.latest}`);
await closeDb();
