// Text searches answered by Algolia. Filters and scope go into the query; the hits are then
// loaded from PostgreSQL, which checks the scope once more (the index may lag a change by a
// drain cycle, and a ticket that left the caller's scope must not show up meanwhile).
import { and, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { tickets } from "@/db/schema";
import { ticketVisible } from "@/lib/auth";
import { AppError } from "@/lib/http/errors";
import type { Criteria } from "../criteria";
import { decodeCursor, encodeCursor } from "../cursor";
import { type SearchActor, scopeOfActor } from "../filters";
import { type ListPage, loadListItems } from "../items";
import { algoliaClient, algoliaIndexName } from "./client";
import { algoliaFilters } from "./filters";

export async function algoliaSearch(db: Executor, actor: SearchActor, c: Criteria, page: { cursor?: string; limit: number }, now = new Date()): Promise<ListPage> {
  const cursor = decodeCursor(c, page.cursor);
  const pageNo = cursor?.e === "algolia" ? cursor.p : 0;
  let res;
  try {
    res = await algoliaClient().searchSingleIndex<{ objectID: string }>({
      indexName: algoliaIndexName(),
      searchParams: { query: c.q ?? "", filters: algoliaFilters(c, actor, now), page: pageNo, hitsPerPage: page.limit, attributesToRetrieve: ["objectID"], attributesToHighlight: [] },
    });
  } catch (e) {
    throw new AppError("unavailable", "Search is unavailable right now (Algolia did not answer); try again shortly", { cause: e });
  }
  const hitIds = res.hits.map((h) => Number(h.objectID)).filter((n) => Number.isInteger(n));
  const visible = hitIds.length
    ? new Set(
        (
          await db
            .select({ id: tickets.id })
            .from(tickets)
            .where(and(inArray(tickets.id, hitIds), ticketVisible(scopeOfActor(actor)), sql`${tickets.status} <> 'deleted'`))
        ).map((r) => r.id),
      )
    : new Set<number>();
  const items = await loadListItems(
    db,
    hitIds.filter((id) => visible.has(id)),
  );
  const nbPages = res.nbPages ?? 0;
  // Algolia's nbHits is exact unless it says it stopped counting (exhaustive.nbHits false).
  return { items, total: res.nbHits ?? items.length, totalExact: res.exhaustive?.nbHits ?? res.exhaustiveNbHits ?? true, nextCursor: pageNo + 1 < nbPages ? encodeCursor(c, { e: "algolia", p: pageNo + 1 }) : null };
}
