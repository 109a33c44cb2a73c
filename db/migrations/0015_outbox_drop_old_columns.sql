ALTER TABLE "outbox" DROP COLUMN "delivered_via";--> statement-breakpoint
ALTER TABLE "outbox" DROP COLUMN "error";