DROP INDEX "kennisweb_items_theme";--> statement-breakpoint
CREATE INDEX "discussion_topics_network_created" ON "discussion_topics" USING btree ("network_id","created_at");--> statement-breakpoint
CREATE INDEX "kennisweb_items_theme" ON "kennisweb_items" USING btree ("theme_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);