CREATE TABLE "network_themes" (
	"theme" text PRIMARY KEY NOT NULL,
	"networks" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "discussion_posts" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('dutch', body)) STORED;--> statement-breakpoint
ALTER TABLE "discussion_topics" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('dutch', title || ' ' || body)) STORED;--> statement-breakpoint
ALTER TABLE "kennisweb_items" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('dutch', title || ' ' || body)) STORED;--> statement-breakpoint
CREATE INDEX "expertise_tags_name_trgm" ON "expertise_tags" USING gin (kn_unaccent(lower("name")) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "users_name_trgm" ON "users" USING gin (kn_unaccent(lower("name")) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "users_name_idx" ON "users" USING btree ("name","id") WHERE "users"."disabled_at" is null;--> statement-breakpoint
CREATE INDEX "buddy_group_members_group_idx" ON "buddy_group_members" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "buddy_group_members_user_idx" ON "buddy_group_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "buddy_groups_network_idx" ON "buddy_groups" USING btree ("network_id");--> statement-breakpoint
CREATE INDEX "literature_network_idx" ON "literature" USING btree ("network_id");--> statement-breakpoint
CREATE INDEX "submission_feedback_submission_idx" ON "submission_feedback" USING btree ("submission_id");--> statement-breakpoint
CREATE INDEX "submissions_user_idx" ON "submissions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "discussion_attachments_topic" ON "discussion_attachments" USING btree ("topic_id");--> statement-breakpoint
CREATE INDEX "discussion_posts_search_idx" ON "discussion_posts" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "discussion_subscriptions_user" ON "discussion_subscriptions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "discussion_topics_search_idx" ON "discussion_topics" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "action_plan_items_plan_idx" ON "action_plan_items" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "action_plans_user_idx" ON "action_plans" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "polls_network_idx" ON "polls" USING btree ("network_id");--> statement-breakpoint
CREATE INDEX "self_scans_user_idx" ON "self_scans" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "survey_items_survey_idx" ON "survey_items" USING btree ("survey_id");--> statement-breakpoint
CREATE INDEX "survey_responses_survey_idx" ON "survey_responses" USING btree ("survey_id");--> statement-breakpoint
CREATE INDEX "surveys_network_idx" ON "surveys" USING btree ("network_id");--> statement-breakpoint
CREATE INDEX "attendance_user_idx" ON "attendance" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "conversation_slots_conversation_idx" ON "conversation_slots" USING btree ("conversation_id");--> statement-breakpoint
CREATE INDEX "conversations_facilitator_idx" ON "conversations" USING btree ("facilitator_id");--> statement-breakpoint
CREATE INDEX "learning_question_revisions_question_idx" ON "learning_question_revisions" USING btree ("question_id");--> statement-breakpoint
CREATE INDEX "learning_questions_user_idx" ON "learning_questions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "meeting_cases_meeting_idx" ON "meeting_cases" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "meeting_preparers_user_idx" ON "meeting_preparers" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "meeting_programme_items_meeting_idx" ON "meeting_programme_items" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "enrolment_routes_network_idx" ON "enrolment_routes" USING btree ("network_id");--> statement-breakpoint
CREATE INDEX "network_phase_changes_network_idx" ON "network_phase_changes" USING btree ("network_id","changed_at");--> statement-breakpoint
CREATE INDEX "networks_name_trgm" ON "networks" USING gin (kn_unaccent(lower("name")) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "networks_themes_trgm" ON "networks" USING gin (kn_unaccent(lower(kn_array_text("themes"))) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "networks_themes_idx" ON "networks" USING gin ("themes");--> statement-breakpoint
CREATE INDEX "networks_name_idx" ON "networks" USING btree ("name");--> statement-breakpoint
CREATE INDEX "waiting_list_user_idx" ON "waiting_list" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "organisations_name_trgm" ON "organisations" USING gin (kn_unaccent(lower("name")) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "organisations_place_trgm" ON "organisations" USING gin (kn_unaccent(lower("place")) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "organisations_list_idx" ON "organisations" USING btree ("kind","name");--> statement-breakpoint
CREATE INDEX "programme_coordinators_programme_idx" ON "programme_coordinators" USING btree ("programme_id");--> statement-breakpoint
CREATE INDEX "buddy_agreements_group_idx" ON "buddy_agreements" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "buddy_meetings_group_idx" ON "buddy_meetings" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "intervision_group_members_user_idx" ON "intervision_group_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "intervision_groups_network_idx" ON "intervision_groups" USING btree ("network_id");--> statement-breakpoint
CREATE INDEX "intervision_notes_session_idx" ON "intervision_notes" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "intervision_sessions_group_idx" ON "intervision_sessions" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "certificates_user_idx" ON "certificates" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "register_audit_user_idx" ON "register_audit" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "agenda_chores_meeting_idx" ON "agenda_chores" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "analysis_positions_item_idx" ON "analysis_positions" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "initiative_step_notes_initiative_idx" ON "initiative_step_notes" USING btree ("initiative_id");--> statement-breakpoint
CREATE INDEX "kennisweb_items_search_idx" ON "kennisweb_items" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "network_analyses_space_idx" ON "network_analyses" USING btree ("space_kind","space_id");--> statement-breakpoint
CREATE INDEX "newsletter_issues_theme_idx" ON "newsletter_issues" USING btree ("theme_id");--> statement-breakpoint
CREATE INDEX "programme_pilots_theme_idx" ON "programme_pilots" USING btree ("theme_id");--> statement-breakpoint
CREATE INDEX "theme_moments_theme_idx" ON "theme_moments" USING btree ("theme_id");