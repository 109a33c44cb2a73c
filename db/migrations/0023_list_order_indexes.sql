DROP INDEX "networks_name_idx";--> statement-breakpoint
DROP INDEX "organisations_list_idx";--> statement-breakpoint
CREATE INDEX "networks_name_idx" ON "networks" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "organisations_list_idx" ON "organisations" USING btree ("kind","name","id");