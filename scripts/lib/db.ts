// Opens the configured database for a CLI, turning the usual failures into one clear line.
import { type DbHandle, getDbHandle } from "@/db/client";
import { DatabaseInUseError } from "@/db/pglite-lock";
import { fail } from "./bootstrap";

export async function openCliDb(): Promise<DbHandle> {
  try {
    return await getDbHandle();
  } catch (err) {
    if (err instanceof DatabaseInUseError) fail(err.message);
    fail(`cannot open the database: ${(err as Error).message}`);
  }
}
