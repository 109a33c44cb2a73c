CREATE TABLE "agenda_chores" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"text" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agenda_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"space_kind" text NOT NULL,
	"space_id" uuid NOT NULL,
	"body" text NOT NULL,
	"school_year" text NOT NULL,
	"number" integer NOT NULL,
	"held_on" date
);
--> statement-breakpoint
CREATE TABLE "agenda_plans" (
	"meeting_id" uuid NOT NULL,
	"initiative_id" uuid NOT NULL,
	CONSTRAINT "agenda_plans_meeting_id_initiative_id_pk" PRIMARY KEY("meeting_id","initiative_id")
);
--> statement-breakpoint
CREATE TABLE "analysis_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"analysis_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"label" text NOT NULL,
	"category" text DEFAULT 'anders' NOT NULL,
	"user_id" uuid,
	"story" text DEFAULT '' NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"invited_at" timestamp with time zone,
	"x" integer,
	"y" integer,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analysis_links" (
	"schakel_id" uuid NOT NULL,
	"ingredient_id" uuid NOT NULL,
	CONSTRAINT "analysis_links_schakel_id_ingredient_id_pk" PRIMARY KEY("schakel_id","ingredient_id")
);
--> statement-breakpoint
CREATE TABLE "analysis_positions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"position" text NOT NULL,
	"since" timestamp with time zone DEFAULT now() NOT NULL,
	"until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "initiative_involvement" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"initiative_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"position" text NOT NULL,
	"kind" text DEFAULT 'role' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"since" timestamp with time zone DEFAULT now() NOT NULL,
	"until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "initiative_step_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"initiative_id" uuid NOT NULL,
	"step" integer NOT NULL,
	"note" text NOT NULL,
	"author_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "initiative_themes" (
	"initiative_id" uuid NOT NULL,
	"theme_id" uuid NOT NULL,
	CONSTRAINT "initiative_themes_initiative_id_theme_id_pk" PRIMARY KEY("initiative_id","theme_id")
);
--> statement-breakpoint
CREATE TABLE "initiatives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"space_kind" text NOT NULL,
	"space_id" uuid NOT NULL,
	"name" text NOT NULL,
	"goal" text NOT NULL,
	"for_whom" text DEFAULT '' NOT NULL,
	"value_for_others" text DEFAULT '' NOT NULL,
	"plan" text DEFAULT 'stappenplan' NOT NULL,
	"current_step" integer DEFAULT 0 NOT NULL,
	"completed_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kennisweb_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"theme_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"url" text DEFAULT '' NOT NULL,
	"file_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "network_analyses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"space_kind" text NOT NULL,
	"space_id" uuid NOT NULL,
	"initiative_id" uuid,
	"theme_id" uuid,
	"centre" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "network_programmes" (
	"theme_id" uuid PRIMARY KEY NOT NULL,
	"starts_on" date NOT NULL,
	"months" integer NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "newsletter_issues" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"theme_id" uuid NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"sent_at" timestamp with time zone,
	"recipients" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programme_activities" (
	"theme_id" uuid NOT NULL,
	"activity" text NOT NULL,
	"planned_on" date,
	"done_at" timestamp with time zone,
	"note" text DEFAULT '' NOT NULL,
	CONSTRAINT "programme_activities_theme_id_activity_pk" PRIMARY KEY("theme_id","activity")
);
--> statement-breakpoint
CREATE TABLE "programme_pilots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"theme_id" uuid NOT NULL,
	"title" text NOT NULL,
	"participants" text DEFAULT '' NOT NULL,
	"experiences" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programme_signups" (
	"theme_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"group" text NOT NULL,
	CONSTRAINT "programme_signups_theme_id_user_id_group_pk" PRIMARY KEY("theme_id","user_id","group")
);
--> statement-breakpoint
CREATE TABLE "theme_analyses" (
	"theme_id" uuid PRIMARY KEY NOT NULL,
	"words" text[] DEFAULT '{}' NOT NULL,
	"chosen_name" text DEFAULT '' NOT NULL,
	"remarks" text DEFAULT '' NOT NULL,
	"story" text DEFAULT '' NOT NULL,
	"ideas" text DEFAULT '' NOT NULL,
	"starts_on" date,
	"manifestation_on" date,
	"manifestation" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "theme_moments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"theme_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"title" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "theme_schakels" (
	"theme_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "theme_schakels_theme_id_user_id_pk" PRIMARY KEY("theme_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "themes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"space_kind" text NOT NULL,
	"space_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"school_year" text NOT NULL,
	"starts_on" date,
	"ends_on" date,
	"closed_at" timestamp with time zone,
	"renewed_from_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organisation_members" ADD COLUMN "team" text;--> statement-breakpoint
ALTER TABLE "agenda_chores" ADD CONSTRAINT "agenda_chores_meeting_id_agenda_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."agenda_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_plans" ADD CONSTRAINT "agenda_plans_meeting_id_agenda_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."agenda_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_plans" ADD CONSTRAINT "agenda_plans_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_items" ADD CONSTRAINT "analysis_items_analysis_id_network_analyses_id_fk" FOREIGN KEY ("analysis_id") REFERENCES "public"."network_analyses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_items" ADD CONSTRAINT "analysis_items_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_items" ADD CONSTRAINT "analysis_items_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_links" ADD CONSTRAINT "analysis_links_schakel_id_analysis_items_id_fk" FOREIGN KEY ("schakel_id") REFERENCES "public"."analysis_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_links" ADD CONSTRAINT "analysis_links_ingredient_id_analysis_items_id_fk" FOREIGN KEY ("ingredient_id") REFERENCES "public"."analysis_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_positions" ADD CONSTRAINT "analysis_positions_item_id_analysis_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."analysis_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_involvement" ADD CONSTRAINT "initiative_involvement_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_involvement" ADD CONSTRAINT "initiative_involvement_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_step_notes" ADD CONSTRAINT "initiative_step_notes_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_step_notes" ADD CONSTRAINT "initiative_step_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_themes" ADD CONSTRAINT "initiative_themes_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_themes" ADD CONSTRAINT "initiative_themes_theme_id_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."themes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kennisweb_items" ADD CONSTRAINT "kennisweb_items_theme_id_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."themes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kennisweb_items" ADD CONSTRAINT "kennisweb_items_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kennisweb_items" ADD CONSTRAINT "kennisweb_items_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_analyses" ADD CONSTRAINT "network_analyses_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_analyses" ADD CONSTRAINT "network_analyses_theme_id_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."themes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_analyses" ADD CONSTRAINT "network_analyses_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_programmes" ADD CONSTRAINT "network_programmes_theme_id_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."themes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_programmes" ADD CONSTRAINT "network_programmes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "newsletter_issues" ADD CONSTRAINT "newsletter_issues_theme_id_network_programmes_theme_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."network_programmes"("theme_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_activities" ADD CONSTRAINT "programme_activities_theme_id_network_programmes_theme_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."network_programmes"("theme_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_pilots" ADD CONSTRAINT "programme_pilots_theme_id_network_programmes_theme_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."network_programmes"("theme_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_signups" ADD CONSTRAINT "programme_signups_theme_id_network_programmes_theme_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."network_programmes"("theme_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_signups" ADD CONSTRAINT "programme_signups_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "theme_analyses" ADD CONSTRAINT "theme_analyses_theme_id_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."themes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "theme_moments" ADD CONSTRAINT "theme_moments_theme_id_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."themes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "theme_schakels" ADD CONSTRAINT "theme_schakels_theme_id_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."themes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "theme_schakels" ADD CONSTRAINT "theme_schakels_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "themes" ADD CONSTRAINT "themes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agenda_meetings_space" ON "agenda_meetings" USING btree ("space_kind","space_id","body");--> statement-breakpoint
CREATE INDEX "analysis_items_analysis" ON "analysis_items" USING btree ("analysis_id");--> statement-breakpoint
CREATE INDEX "initiative_involvement_initiative" ON "initiative_involvement" USING btree ("initiative_id");--> statement-breakpoint
CREATE INDEX "initiative_involvement_user" ON "initiative_involvement" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "initiatives_space" ON "initiatives" USING btree ("space_kind","space_id");--> statement-breakpoint
CREATE INDEX "kennisweb_items_theme" ON "kennisweb_items" USING btree ("theme_id");--> statement-breakpoint
CREATE INDEX "themes_space" ON "themes" USING btree ("space_kind","space_id");