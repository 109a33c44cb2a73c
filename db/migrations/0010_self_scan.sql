CREATE TABLE "action_plan_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"goal" text NOT NULL,
	"action" text NOT NULL,
	"due_date" date
);
--> statement-breakpoint
CREATE TABLE "action_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"scan_id" uuid,
	"learning_question_id" uuid,
	"network_id" uuid,
	"shared_with" text DEFAULT 'nobody' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "competence_frameworks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "competence_frameworks_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "competence_statements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"framework_id" uuid NOT NULL,
	"competence" text NOT NULL,
	"position" integer NOT NULL,
	"text" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "self_scan_scores" (
	"scan_id" uuid NOT NULL,
	"statement_id" uuid NOT NULL,
	"score" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "self_scans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"framework_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "action_plan_items" ADD CONSTRAINT "action_plan_items_plan_id_action_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."action_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plans" ADD CONSTRAINT "action_plans_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plans" ADD CONSTRAINT "action_plans_scan_id_self_scans_id_fk" FOREIGN KEY ("scan_id") REFERENCES "public"."self_scans"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plans" ADD CONSTRAINT "action_plans_learning_question_id_learning_questions_id_fk" FOREIGN KEY ("learning_question_id") REFERENCES "public"."learning_questions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plans" ADD CONSTRAINT "action_plans_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competence_frameworks" ADD CONSTRAINT "competence_frameworks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competence_statements" ADD CONSTRAINT "competence_statements_framework_id_competence_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."competence_frameworks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_scan_scores" ADD CONSTRAINT "self_scan_scores_scan_id_self_scans_id_fk" FOREIGN KEY ("scan_id") REFERENCES "public"."self_scans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_scan_scores" ADD CONSTRAINT "self_scan_scores_statement_id_competence_statements_id_fk" FOREIGN KEY ("statement_id") REFERENCES "public"."competence_statements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_scans" ADD CONSTRAINT "self_scans_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_scans" ADD CONSTRAINT "self_scans_framework_id_competence_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."competence_frameworks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "self_scan_scores_unique" ON "self_scan_scores" USING btree ("scan_id","statement_id");--> statement-breakpoint
-- The five basic competences of the Beroepsstandaard Schoolleiders VO (seed V, 1.3), with example statements.
INSERT INTO "competence_frameworks" ("id", "name", "description") VALUES
  ('7b0e3a52-5d1e-4b8e-9a6f-0c2f4e1d5a01', 'Vijf basiscompetenties (Beroepsstandaard Schoolleiders VO)', 'Voorbeeldstellingen bij de vijf basiscompetenties; een organisatie kan haar eigen raamwerk laden.');
--> statement-breakpoint
INSERT INTO "competence_statements" ("framework_id", "competence", "position", "text") VALUES
  ('7b0e3a52-5d1e-4b8e-9a6f-0c2f4e1d5a01', 'Visiegestuurd werken', 0, 'Ik vertaal de visie van de school in keuzes die het team herkent.'),
  ('7b0e3a52-5d1e-4b8e-9a6f-0c2f4e1d5a01', 'Visiegestuurd werken', 1, 'Ik toets nieuwe plannen aan onze missie en waarden.'),
  ('7b0e3a52-5d1e-4b8e-9a6f-0c2f4e1d5a01', 'In relatie staan tot de omgeving', 2, 'Ik betrek ouders, bestuur en partners bij de koers van de school.'),
  ('7b0e3a52-5d1e-4b8e-9a6f-0c2f4e1d5a01', 'In relatie staan tot de omgeving', 3, 'Ik weet wat er in de regio speelt en gebruik dat.'),
  ('7b0e3a52-5d1e-4b8e-9a6f-0c2f4e1d5a01', 'Werken aan kwaliteit', 4, 'Ik stuur op de kwaliteit van het onderwijs met gegevens en gesprekken.'),
  ('7b0e3a52-5d1e-4b8e-9a6f-0c2f4e1d5a01', 'Werken aan kwaliteit', 5, 'Ik zorg dat leraren van elkaar leren.'),
  ('7b0e3a52-5d1e-4b8e-9a6f-0c2f4e1d5a01', 'Leiding geven aan verandering', 6, 'Ik geef ruimte aan initiatieven van collega''s.'),
  ('7b0e3a52-5d1e-4b8e-9a6f-0c2f4e1d5a01', 'Leiding geven aan verandering', 7, 'Ik houd een verandering vol tot ze in gedrag zichtbaar is.'),
  ('7b0e3a52-5d1e-4b8e-9a6f-0c2f4e1d5a01', 'Hogere-orde denken', 8, 'Ik zie samenhang tussen vraagstukken die los lijken te staan.'),
  ('7b0e3a52-5d1e-4b8e-9a6f-0c2f4e1d5a01', 'Hogere-orde denken', 9, 'Ik onderzoek een probleem voordat ik een oplossing kies.');
