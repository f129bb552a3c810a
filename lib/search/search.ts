// GET /search and queue pages: which engine answers. Algolia, when configured and built,
// answers text searches in relevance order; lists without text, and other orders, come from
// PostgreSQL (exact and current, no replica indices needed).
import type { Executor } from "@/db/client";
import { isConfigured } from "@/lib/config/features";
import { AppError } from "@/lib/http/errors";
import { type Criteria, sortTerms } from "./criteria";
import { decodeCursor } from "./cursor";
import type { SearchActor } from "./filters";
import type { ListPage } from "./items";
import { type PageRequest, pgSearch } from "./pg-search";
import { textMatch } from "./text-match";
import { algoliaSearch } from "./algolia/search";
import { algoliaReady } from "./algolia/sync";

export type SearchEngine = "postgres" | "algolia";

export async function engineFor(db: Executor, c: Criteria): Promise<SearchEngine> {
  if (!isConfigured("algolia") || !textMatch(c.q) || sortTerms(c)[0].key !== "relevance") return "postgres";
  return (await algoliaReady(db)) ? "algolia" : "postgres";
}

export async function searchTickets(db: Executor, actor: SearchActor, c: Criteria, page: PageRequest, now = new Date()): Promise<ListPage & { engine: SearchEngine }> {
  const engine = await engineFor(db, c);
  const cursor = decodeCursor(c, page.cursor);
  // The configuration changed between two pages.
  if (cursor && (cursor.e === "pg") !== (engine === "postgres")) {
    throw AppError.fields({ cursor: "was made by another search engine; start again without a cursor" }, "Invalid query");
  }
  if (engine === "algolia") return { ...(await algoliaSearch(db, actor, c, page, now)), engine };
  return { ...(await pgSearch(db, actor, c, page, now)), engine };
}
