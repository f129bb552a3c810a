-- Hand-written (drizzle-kit generate --custom): per-field GIN indexes on the search document, so
-- each relevance tier (subject, requester) is planned with its own statistics and index.
CREATE INDEX IF NOT EXISTS ticket_search_subject_idx ON ticket_search USING gin (ts_filter(doc, '{a}'));
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS ticket_search_requester_idx ON ticket_search USING gin (ts_filter(doc, '{b}'));
--> statement-breakpoint
-- Lists of open tickets (most system queues) walk only open tickets, in update or due order.
CREATE INDEX IF NOT EXISTS tickets_open_updated_idx ON tickets (updated_at, id) WHERE status IN ('open', 'awaiting_client');
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS tickets_open_due_idx ON tickets ((coalesce(due_at, 'infinity'::timestamptz)), id) WHERE status IN ('open', 'awaiting_client');
--> statement-breakpoint
-- Keyset pages in update order compare (updated_at, id).
CREATE INDEX IF NOT EXISTS tickets_updated_id_idx ON tickets (updated_at, id);
