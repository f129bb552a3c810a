-- Hand-written (drizzle-kit generate --custom): triggers and partial indexes drizzle cannot express.
-- Ticket counts: every insert, update and delete of tickets adds signed deltas per dimension set
-- (statement-level, so a bulk update writes one row per changed set, not per ticket).
CREATE OR REPLACE FUNCTION ticket_counts_delta() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO ticket_counts (dept_id, staff_id, team_id, status, is_overdue, is_answered, docs_required, docs_acknowledged, n)
    SELECT dept_id, staff_id, team_id, status, is_overdue, is_answered, docs_required, docs_acknowledged_at IS NOT NULL, count(*)::int
    FROM new_rows GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO ticket_counts (dept_id, staff_id, team_id, status, is_overdue, is_answered, docs_required, docs_acknowledged, n)
    SELECT dept_id, staff_id, team_id, status, is_overdue, is_answered, docs_required, docs_acknowledged_at IS NOT NULL, -count(*)::int
    FROM old_rows GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
  ELSE
    INSERT INTO ticket_counts (dept_id, staff_id, team_id, status, is_overdue, is_answered, docs_required, docs_acknowledged, n)
    SELECT dept_id, staff_id, team_id, status, is_overdue, is_answered, docs_required, docs_ack, sum(n)::int
    FROM (
      SELECT dept_id, staff_id, team_id, status, is_overdue, is_answered, docs_required, docs_acknowledged_at IS NOT NULL AS docs_ack, 1 AS n FROM new_rows
      UNION ALL
      SELECT dept_id, staff_id, team_id, status, is_overdue, is_answered, docs_required, docs_acknowledged_at IS NOT NULL, -1 FROM old_rows
    ) d
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    HAVING sum(n) <> 0;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER tickets_counts_ins AFTER INSERT ON tickets REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ticket_counts_delta();
--> statement-breakpoint
CREATE TRIGGER tickets_counts_upd AFTER UPDATE ON tickets REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ticket_counts_delta();
--> statement-breakpoint
CREATE TRIGGER tickets_counts_del AFTER DELETE ON tickets REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ticket_counts_delta();
--> statement-breakpoint
INSERT INTO ticket_counts (dept_id, staff_id, team_id, status, is_overdue, is_answered, docs_required, docs_acknowledged, n)
SELECT dept_id, staff_id, team_id, status, is_overdue, is_answered, docs_required, docs_acknowledged_at IS NOT NULL, count(*)::int
FROM tickets GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
--> statement-breakpoint
-- Hosted search outbox: while an engine is enabled in search_sync, every change to a ticket or its
-- search document queues the ticket in the same transaction.
CREATE OR REPLACE FUNCTION search_outbox_enqueue() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM search_sync WHERE enabled) THEN
    RETURN NULL;
  END IF;
  IF TG_TABLE_NAME = 'tickets' THEN
    IF TG_OP = 'DELETE' THEN
      INSERT INTO search_outbox (ticket_id) SELECT DISTINCT id FROM old_rows;
    ELSE
      INSERT INTO search_outbox (ticket_id) SELECT DISTINCT id FROM new_rows;
    END IF;
  ELSIF TG_OP <> 'DELETE' THEN
    INSERT INTO search_outbox (ticket_id) SELECT DISTINCT ticket_id FROM new_rows;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER tickets_outbox_ins AFTER INSERT ON tickets REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_outbox_enqueue();
--> statement-breakpoint
CREATE TRIGGER tickets_outbox_upd AFTER UPDATE ON tickets REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_outbox_enqueue();
--> statement-breakpoint
CREATE TRIGGER tickets_outbox_del AFTER DELETE ON tickets REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION search_outbox_enqueue();
--> statement-breakpoint
CREATE TRIGGER ticket_search_outbox_ins AFTER INSERT ON ticket_search REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_outbox_enqueue();
--> statement-breakpoint
CREATE TRIGGER ticket_search_outbox_upd AFTER UPDATE ON ticket_search REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_outbox_enqueue();
--> statement-breakpoint
-- The escalated filter: tickets with an "escalated" event (the escalation issue records one).
CREATE INDEX events_escalated_idx ON events (ticket_id) WHERE action = 'escalated';
--> statement-breakpoint
-- Search documents for tickets that existed before this migration (CJK pairs: `npm run search -- reindex`).
INSERT INTO ticket_search (ticket_id, doc)
SELECT t.id,
  setweight(to_tsvector('simple', t.number || ' ' || t.subject), 'A')
  || setweight(to_tsvector('simple', u.name || ' ' || u.email || ' ' || coalesce(o.name, '')), 'B')
  || setweight(to_tsvector('simple', coalesce(t.ai_summary, '')), 'C')
  || setweight(to_tsvector('simple', coalesce((SELECT string_agg(left(e.body_text, 20000), ' ' ORDER BY e.id) FROM thread_entries e WHERE e.ticket_id = t.id), '')), 'D')
FROM tickets t JOIN users u ON u.id = t.user_id LEFT JOIN organizations o ON o.id = t.org_id
ON CONFLICT (ticket_id) DO NOTHING;
