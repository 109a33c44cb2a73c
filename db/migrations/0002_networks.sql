CREATE TABLE "enrolment_routes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"name" text NOT NULL,
	"price_cents" integer NOT NULL,
	"second_person_price_cents" integer,
	"includes" text DEFAULT '' NOT NULL,
	"extra_costs" text DEFAULT '' NOT NULL,
	"vat_exempt" boolean DEFAULT false NOT NULL,
	"step_numbers" integer[] DEFAULT '{}'::int[] NOT NULL,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "network_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"status" text NOT NULL,
	"route_id" uuid,
	"organisation_id" uuid,
	"price_cents" integer,
	"motivation" text DEFAULT '' NOT NULL,
	"learning_question_draft" text DEFAULT '' NOT NULL,
	"nominated_by" uuid,
	"nomination_note" text DEFAULT '' NOT NULL,
	"decision_message" text DEFAULT '' NOT NULL,
	"joined_at" timestamp with time zone,
	"left_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "network_phase_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"phase" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"changed_by" uuid,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "network_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "networks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text DEFAULT 'network' NOT NULL,
	"name" text NOT NULL,
	"question" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"sectors" text[] DEFAULT '{}'::text[] NOT NULL,
	"target_functions" text[] DEFAULT '{}'::text[] NOT NULL,
	"intended_members" text DEFAULT '' NOT NULL,
	"region_id" uuid,
	"programme_id" uuid,
	"status" text DEFAULT 'in-formation' NOT NULL,
	"openness" text DEFAULT 'open' NOT NULL,
	"join_mode" text DEFAULT 'direct' NOT NULL,
	"form" text DEFAULT 'mixed' NOT NULL,
	"meeting_pattern" text DEFAULT '' NOT NULL,
	"meetings_per_year" integer,
	"capacity" integer DEFAULT 20 NOT NULL,
	"start_date" date,
	"duration_months" integer,
	"costs_note" text DEFAULT '' NOT NULL,
	"facilitator_note" text DEFAULT '' NOT NULL,
	"phase" text DEFAULT 'zaaien' NOT NULL,
	"offer_days" integer DEFAULT 7 NOT NULL,
	"facilitated_meetings_held" integer DEFAULT 0 NOT NULL,
	"continuation" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programme_criteria" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"label" text NOT NULL,
	"rule" text,
	"rule_value" integer
);
--> statement-breakpoint
CREATE TABLE "support_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"status" text NOT NULL,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"declarations" jsonb NOT NULL,
	"evaluation" jsonb NOT NULL,
	"decision_note" text DEFAULT '' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"stimulus_cents" integer,
	"stimulus_purposes" text[] DEFAULT '{}'::text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "waiting_list" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"route_id" uuid,
	"organisation_id" uuid,
	"motivation" text DEFAULT '' NOT NULL,
	"learning_question_draft" text DEFAULT '' NOT NULL,
	"status" text NOT NULL,
	"offer_expires_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "facilitated_meetings_limit" integer;--> statement-breakpoint
ALTER TABLE "enrolment_routes" ADD CONSTRAINT "enrolment_routes_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_members" ADD CONSTRAINT "network_members_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_members" ADD CONSTRAINT "network_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_members" ADD CONSTRAINT "network_members_route_id_enrolment_routes_id_fk" FOREIGN KEY ("route_id") REFERENCES "public"."enrolment_routes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_members" ADD CONSTRAINT "network_members_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_members" ADD CONSTRAINT "network_members_nominated_by_users_id_fk" FOREIGN KEY ("nominated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_phase_changes" ADD CONSTRAINT "network_phase_changes_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_phase_changes" ADD CONSTRAINT "network_phase_changes_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_steps" ADD CONSTRAINT "network_steps_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "networks" ADD CONSTRAINT "networks_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "networks" ADD CONSTRAINT "networks_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "networks" ADD CONSTRAINT "networks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_criteria" ADD CONSTRAINT "programme_criteria_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_applications" ADD CONSTRAINT "support_applications_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_applications" ADD CONSTRAINT "support_applications_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_applications" ADD CONSTRAINT "support_applications_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_applications" ADD CONSTRAINT "support_applications_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waiting_list" ADD CONSTRAINT "waiting_list_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waiting_list" ADD CONSTRAINT "waiting_list_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waiting_list" ADD CONSTRAINT "waiting_list_route_id_enrolment_routes_id_fk" FOREIGN KEY ("route_id") REFERENCES "public"."enrolment_routes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waiting_list" ADD CONSTRAINT "waiting_list_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "network_members_network_idx" ON "network_members" USING btree ("network_id");--> statement-breakpoint
CREATE INDEX "network_members_user_idx" ON "network_members" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "network_members_live_unique" ON "network_members" USING btree ("network_id","user_id") WHERE "network_members"."status" in ('active', 'nominated', 'awaiting-intake');--> statement-breakpoint
CREATE UNIQUE INDEX "network_steps_number_unique" ON "network_steps" USING btree ("network_id","number");--> statement-breakpoint
CREATE INDEX "networks_programme_idx" ON "networks" USING btree ("programme_id");--> statement-breakpoint
CREATE INDEX "support_applications_network_idx" ON "support_applications" USING btree ("network_id");--> statement-breakpoint
CREATE INDEX "waiting_list_network_idx" ON "waiting_list" USING btree ("network_id");--> statement-breakpoint
CREATE UNIQUE INDEX "waiting_list_live_unique" ON "waiting_list" USING btree ("network_id","user_id") WHERE "waiting_list"."status" in ('waiting', 'offered');