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
ALTER TABLE "agenda_chores" ADD CONSTRAINT "agenda_chores_meeting_id_agenda_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."agenda_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_plans" ADD CONSTRAINT "agenda_plans_meeting_id_agenda_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."agenda_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_plans" ADD CONSTRAINT "agenda_plans_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_involvement" ADD CONSTRAINT "initiative_involvement_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_involvement" ADD CONSTRAINT "initiative_involvement_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_step_notes" ADD CONSTRAINT "initiative_step_notes_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_step_notes" ADD CONSTRAINT "initiative_step_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_themes" ADD CONSTRAINT "initiative_themes_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_themes" ADD CONSTRAINT "initiative_themes_theme_id_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."themes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "theme_schakels" ADD CONSTRAINT "theme_schakels_theme_id_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."themes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "theme_schakels" ADD CONSTRAINT "theme_schakels_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "themes" ADD CONSTRAINT "themes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agenda_meetings_space" ON "agenda_meetings" USING btree ("space_kind","space_id","body");--> statement-breakpoint
CREATE INDEX "initiative_involvement_initiative" ON "initiative_involvement" USING btree ("initiative_id");--> statement-breakpoint
CREATE INDEX "initiative_involvement_user" ON "initiative_involvement" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "initiatives_space" ON "initiatives" USING btree ("space_kind","space_id");--> statement-breakpoint
CREATE INDEX "themes_space" ON "themes" USING btree ("space_kind","space_id");