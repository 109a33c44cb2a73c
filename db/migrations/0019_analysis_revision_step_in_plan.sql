ALTER TABLE "network_analyses" ADD COLUMN "revision" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Databases seeded before this have the Olympiade at BTG step 8 (of 0–7): put it on the last step.
UPDATE "initiatives" SET "current_step" = 7 WHERE "plan" = 'btg' AND "current_step" > 7;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_step_in_plan" CHECK ("initiatives"."current_step" >= 0 and "initiatives"."current_step" <= case "initiatives"."plan" when 'btg' then 7 else 10 end);