// Where attachment bytes live, behind one interface. The default keeps them in the database's
// blobs table, one row per distinct sha256, so the same file attached twice is stored once.
// An object store can implement the same interface later.
import { createHash } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { blobs } from "@/db/schema";

export interface BlobStore {
  /** Stores each buffer under its sha256 (skipping ones already stored); returns the hashes. */
  putMany(db: Executor, contents: Buffer[]): Promise<string[]>;
  get(db: Executor, sha256: string): Promise<Buffer | null>;
}

export function sha256Of(content: Buffer): string {
  return createHash("sha256").update(content).digest("hex");
}

export const postgresBlobStore: BlobStore = {
  async putMany(db, contents) {
    const hashes = contents.map(sha256Of);
    const unique = new Map<string, Buffer>();
    hashes.forEach((h, i) => unique.set(h, contents[i]));
    if (!unique.size) return hashes;
    // Ask first so a large duplicate is not sent over the wire again.
    const have = await db.select({ sha256: blobs.sha256 }).from(blobs).where(inArray(blobs.sha256, [...unique.keys()]));
    for (const row of have) unique.delete(row.sha256);
    if (unique.size) {
      await db
        .insert(blobs)
        .values([...unique].map(([sha256, data]) => ({ sha256, size: data.length, data })))
        .onConflictDoNothing();
    }
    return hashes;
  },
  async get(db, sha256) {
    const [row] = await db.select({ data: blobs.data }).from(blobs).where(eq(blobs.sha256, sha256));
    return row?.data ?? null;
  },
};

let current: BlobStore = postgresBlobStore;

export function blobStore(): BlobStore {
  return current;
}

/** For an alternative store (object storage) or tests. */
export function setBlobStore(store: BlobStore): void {
  current = store;
}
