// Ticket search: criteria, the PostgreSQL engine, counts, and keeping documents current.
// The public surface other domains and routes import.
export * from "./criteria";
export { COUNT_CAP, countMany, countMatching, compactTicketCounts, type Count } from "./counts";
export { indexEntry, indexRequesters, indexSubject, indexSummary, indexTicket, indexTickets, reindexAll, ticketsWithoutDocument } from "./document";
export { criteriaSql, isDimensionOnly, type SearchActor } from "./filters";
export type { ListItem, ListPage } from "./items";
export { searchTickets, type SearchEngine } from "./search";
export { textMatch } from "./text-match";
export { drainSearchOutbox, ensureAlgoliaSync, rebuildAlgoliaIndex, requestAlgoliaRebuild, retryDelaySeconds, runSearchSync } from "./algolia/sync";
