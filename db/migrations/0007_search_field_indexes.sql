-- Hand-written (drizzle-kit generate --custom): per-field GIN indexes on the search document, so
-- each relevance tier (subject, requester) is planned with its own statistics and index.
CREATE INDEX IF NOT EXISTS ticket_search_subject_idx ON ticket_search USING gin (ts_filter(doc, '{a}'));
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS ticket_search_requester_idx ON ticket_search USING gin (ts_filter(doc, '{b}'));
--> statement-breakpoint
-- Lists of open tickets (most system queues) walk only open tickets, in update or due order;
-- the scope columns ride along so the walk needs no table access.
CREATE INDEX IF NOT EXISTS tickets_open_updated_idx ON tickets (updated_at, id) INCLUDE (dept_id, staff_id, team_id) WHERE status IN ('open', 'awaiting_client');
--> statement-breakpoint
-- "My tickets": AI urgency, then last update, straight from the index.
CREATE INDEX IF NOT EXISTS tickets_open_staff_urgency_idx ON tickets (staff_id, (coalesce(ai_urgency::int, -1)), updated_at) WHERE status IN ('open', 'awaiting_client');
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS tickets_open_due_idx ON tickets ((coalesce(due_at, 'infinity'::timestamptz)), id) WHERE status IN ('open', 'awaiting_client');
--> statement-breakpoint
-- Keyset pages in update order compare (updated_at, id).
CREATE INDEX IF NOT EXISTS tickets_updated_id_idx ON tickets (updated_at, id);
