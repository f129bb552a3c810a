ALTER TABLE "tickets" ADD COLUMN "escalated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "ticket_counts" ADD COLUMN "is_escalated" boolean DEFAULT false NOT NULL;