DROP INDEX "expertise_tags_name_trgm";--> statement-breakpoint
DROP INDEX "users_name_trgm";--> statement-breakpoint
DROP INDEX "networks_name_trgm";--> statement-breakpoint
DROP INDEX "networks_themes_trgm";--> statement-breakpoint
DROP INDEX "organisations_name_trgm";--> statement-breakpoint
DROP INDEX "organisations_place_trgm";--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "search_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "networks" ADD COLUMN "search_text" text GENERATED ALWAYS AS (kn_unaccent(lower(name || chr(10) || kn_array_text(themes)))) STORED;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "search_text" text GENERATED ALWAYS AS (kn_unaccent(lower(name || chr(10) || place))) STORED;--> statement-breakpoint
CREATE INDEX "users_search_text_trgm" ON "users" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "networks_search_text_trgm" ON "networks" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "networks_catalogue_idx" ON "networks" USING btree ("name","id") WHERE "networks"."status" <> 'ended';--> statement-breakpoint
CREATE INDEX "organisations_search_text_trgm" ON "organisations" USING gin ("search_text" gin_trgm_ops);