CREATE TABLE "certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"user_id" uuid NOT NULL,
	"member_id" uuid,
	"network_id" uuid,
	"participant_name" text NOT NULL,
	"title" text NOT NULL,
	"route_name" text NOT NULL,
	"provider" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"hours" integer NOT NULL,
	"points" integer NOT NULL,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_reason" text DEFAULT '' NOT NULL,
	CONSTRAINT "certificates_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "register_activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"source" text NOT NULL,
	"title" text NOT NULL,
	"provider" text DEFAULT '' NOT NULL,
	"learning_form" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"hours" integer,
	"points" integer NOT NULL,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"evidence" text DEFAULT '' NOT NULL,
	"evidence_file_id" uuid,
	"certificate_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "register_audit" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"actor_id" uuid,
	"action" text NOT NULL,
	"certificate_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "register_catalogue" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider" text NOT NULL,
	"title" text NOT NULL,
	"percentage" integer NOT NULL,
	"learning_form" text DEFAULT 'formal' NOT NULL,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "register_profiles" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"cycle_start" date NOT NULL,
	"cycle_years" integer DEFAULT 4 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "enrolment_routes" ADD COLUMN "register_points" integer;--> statement-breakpoint
ALTER TABLE "enrolment_routes" ADD COLUMN "register_themes" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_member_id_network_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."network_members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_activities" ADD CONSTRAINT "register_activities_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_activities" ADD CONSTRAINT "register_activities_evidence_file_id_stored_files_id_fk" FOREIGN KEY ("evidence_file_id") REFERENCES "public"."stored_files"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_activities" ADD CONSTRAINT "register_activities_certificate_id_certificates_id_fk" FOREIGN KEY ("certificate_id") REFERENCES "public"."certificates"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_audit" ADD CONSTRAINT "register_audit_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_audit" ADD CONSTRAINT "register_audit_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_audit" ADD CONSTRAINT "register_audit_certificate_id_certificates_id_fk" FOREIGN KEY ("certificate_id") REFERENCES "public"."certificates"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_profiles" ADD CONSTRAINT "register_profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "certificates_network_idx" ON "certificates" USING btree ("network_id");--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_member_live_unique" ON "certificates" USING btree ("member_id") WHERE "certificates"."revoked_at" is null;--> statement-breakpoint
CREATE INDEX "register_activities_user_idx" ON "register_activities" USING btree ("user_id","end_date");--> statement-breakpoint
CREATE UNIQUE INDEX "register_activities_duplicate_unique" ON "register_activities" USING btree ("user_id",lower("title"),"start_date","end_date");--> statement-breakpoint
-- The AVS Academie's offerings with their herregistratiewaarde (seed S), to pick rather than type.
INSERT INTO "register_catalogue" ("provider", "title", "percentage", "learning_form", "themes") VALUES
  ('AVS Academie', 'Leidinggeven aan een lerende school', 70, 'formal', ARRAY['Persoonlijk leiderschap', 'Verandermanagement', 'Visiegestuurd onderwijs']),
  ('AVS Academie', 'Herontwerp voor toekomstig onderwijs', 35, 'formal', '{}'),
  ('AVS Academie', 'Communicatie', 100, 'formal', '{}'),
  ('AVS Academie', 'Directeur Integraal Kind Centrum (IKC)', 100, 'formal', '{}'),
  ('AVS Academie', 'Interim-management', 100, 'formal', '{}'),
  ('AVS Academie', 'Ondernemend leiderschap', 100, 'formal', '{}'),
  ('AVS Academie', 'Praktische filosofie voor schoolleiders', 100, 'formal', '{}'),
  ('AVS Academie', 'Regisseur onderwijs en gebouw', 100, 'formal', '{}'),
  ('AVS Academie', 'Stimulerend beoordelen', 90, 'formal', '{}'),
  ('AVS Academie', 'Op weg naar excellent schoolleiderschap', 100, 'formal', '{}'),
  ('AVS Academie', 'Gespreid leiderschap', 70, 'formal', '{}'),
  ('AVS Academie', 'Leidinggeven aan gepersonaliseerd onderwijs', 70, 'formal', '{}'),
  ('AVS Academie', 'Oriëntatie op bestuurlijk leiderschap', 70, 'formal', '{}'),
  ('AVS Academie', 'Schoolleiderschap: van droom naar succes', 70, 'formal', '{}'),
  ('AVS Academie', 'Teamflow voor schoolleiders', 70, 'formal', '{}'),
  ('AVS Academie', 'Aan de slag met cultuur', 65, 'formal', '{}'),
  ('AVS Academie', 'Collectief leren (alleen incompany)', 70, 'formal', '{}'),
  ('AVS Academie', 'Begrijpen vóór ingrijpen', 35, 'formal', '{}'),
  ('AVS Academie', 'Opbrengstgericht leiderschap in een lerende school', 35, 'formal', '{}'),
  ('AVS Academie', 'Ouderbetrokkenheid', 35, 'formal', '{}'),
  ('AVS Academie', 'Positief onderwijs voor schoolleiders', 35, 'formal', '{}'),
  ('AVS Academie', 'Strategische bedrijfsvoering', 35, 'formal', '{}'),
  ('AVS Academie', 'Theorie U: 5 bouwstenen voor een succesvolle lerende school', 35, 'formal', '{}'),
  ('AVS Academie', 'Verbetercultuur', 35, 'formal', '{}'),
  ('AVS Academie', 'Verbindend leiderschap', 35, 'formal', '{}');
