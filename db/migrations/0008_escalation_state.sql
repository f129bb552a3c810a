-- Hand-written (drizzle-kit generate --custom). Escalation state on the ticket: the first
-- "escalated" event sets tickets.escalated_at (the escalation issue records one per escalation),
-- and the ticket counts gain an "escalated" dimension.
CREATE OR REPLACE FUNCTION ticket_counts_delta() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO ticket_counts (dept_id, staff_id, team_id, status, is_overdue, is_answered, is_escalated, docs_required, docs_acknowledged, n)
    SELECT dept_id, staff_id, team_id, status, is_overdue, is_answered, escalated_at IS NOT NULL, docs_required, docs_acknowledged_at IS NOT NULL, count(*)::int
    FROM new_rows GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO ticket_counts (dept_id, staff_id, team_id, status, is_overdue, is_answered, is_escalated, docs_required, docs_acknowledged, n)
    SELECT dept_id, staff_id, team_id, status, is_overdue, is_answered, escalated_at IS NOT NULL, docs_required, docs_acknowledged_at IS NOT NULL, -count(*)::int
    FROM old_rows GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;
  ELSE
    INSERT INTO ticket_counts (dept_id, staff_id, team_id, status, is_overdue, is_answered, is_escalated, docs_required, docs_acknowledged, n)
    SELECT dept_id, staff_id, team_id, status, is_overdue, is_answered, is_esc, docs_required, docs_ack, sum(n)::int
    FROM (
      SELECT dept_id, staff_id, team_id, status, is_overdue, is_answered, escalated_at IS NOT NULL AS is_esc, docs_required, docs_acknowledged_at IS NOT NULL AS docs_ack, 1 AS n FROM new_rows
      UNION ALL
      SELECT dept_id, staff_id, team_id, status, is_overdue, is_answered, escalated_at IS NOT NULL, docs_required, docs_acknowledged_at IS NOT NULL, -1 FROM old_rows
    ) d
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
    HAVING sum(n) <> 0;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION ticket_escalated_from_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE tickets t SET escalated_at = e.at
  FROM (SELECT ticket_id, min(created_at) AS at FROM new_rows WHERE action = 'escalated' AND ticket_id IS NOT NULL GROUP BY ticket_id) e
  WHERE t.id = e.ticket_id AND t.escalated_at IS NULL;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER events_escalated AFTER INSERT ON events REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ticket_escalated_from_event();
--> statement-breakpoint
UPDATE tickets t SET escalated_at = e.at FROM (SELECT ticket_id, min(created_at) AS at FROM events WHERE action = 'escalated' AND ticket_id IS NOT NULL GROUP BY ticket_id) e WHERE t.id = e.ticket_id AND t.escalated_at IS NULL;
--> statement-breakpoint
DELETE FROM ticket_counts;
--> statement-breakpoint
INSERT INTO ticket_counts (dept_id, staff_id, team_id, status, is_overdue, is_answered, is_escalated, docs_required, docs_acknowledged, n)
SELECT dept_id, staff_id, team_id, status, is_overdue, is_answered, escalated_at IS NOT NULL, docs_required, docs_acknowledged_at IS NOT NULL, count(*)::int
FROM tickets GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS tickets_open_escalated_idx ON tickets (updated_at, id) WHERE escalated_at IS NOT NULL AND status IN ('open', 'awaiting_client');
--> statement-breakpoint
DROP INDEX IF EXISTS events_escalated_idx;
--> statement-breakpoint
-- The docs-required queue: documentation pending on tickets not yet closed.
CREATE INDEX IF NOT EXISTS tickets_docs_pending_idx ON tickets (updated_at, id) INCLUDE (dept_id, staff_id, team_id) WHERE docs_required AND docs_acknowledged_at IS NULL AND status IN ('open', 'awaiting_client', 'resolved');
