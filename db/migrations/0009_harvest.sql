CREATE TABLE "harvest_outcomes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"learning_question_id" uuid,
	"title" text NOT NULL,
	"answer" text NOT NULL,
	"file_id" uuid,
	"school_id" uuid,
	"school_consent_at" timestamp with time zone,
	"publish_requested_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('dutch', title || ' ' || answer)) STORED
);
--> statement-breakpoint
CREATE TABLE "harvest_people" (
	"outcome_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"consent_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "harvest_outcomes" ADD CONSTRAINT "harvest_outcomes_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "harvest_outcomes" ADD CONSTRAINT "harvest_outcomes_learning_question_id_learning_questions_id_fk" FOREIGN KEY ("learning_question_id") REFERENCES "public"."learning_questions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "harvest_outcomes" ADD CONSTRAINT "harvest_outcomes_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "harvest_outcomes" ADD CONSTRAINT "harvest_outcomes_school_id_organisations_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "harvest_outcomes" ADD CONSTRAINT "harvest_outcomes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "harvest_people" ADD CONSTRAINT "harvest_people_outcome_id_harvest_outcomes_id_fk" FOREIGN KEY ("outcome_id") REFERENCES "public"."harvest_outcomes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "harvest_people" ADD CONSTRAINT "harvest_people_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "harvest_outcomes_network_idx" ON "harvest_outcomes" USING btree ("network_id");--> statement-breakpoint
CREATE INDEX "harvest_outcomes_search_idx" ON "harvest_outcomes" USING gin ("search_vector");--> statement-breakpoint
CREATE UNIQUE INDEX "harvest_people_unique" ON "harvest_people" USING btree ("outcome_id","user_id");