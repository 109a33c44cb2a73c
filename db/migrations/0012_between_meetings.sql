CREATE TABLE "discussion_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"topic_id" uuid NOT NULL,
	"post_id" uuid,
	"file_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "discussion_posts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"topic_id" uuid NOT NULL,
	"network_id" uuid NOT NULL,
	"author_id" uuid,
	"parent_id" uuid,
	"body" text NOT NULL,
	"via" text DEFAULT 'web' NOT NULL,
	"helpful" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "discussion_reads" (
	"topic_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"seen_at" timestamp with time zone NOT NULL,
	CONSTRAINT "discussion_reads_topic_id_user_id_pk" PRIMARY KEY("topic_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "discussion_subscriptions" (
	"network_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"mode" text DEFAULT 'each' NOT NULL,
	"unsubscribe_token" text NOT NULL,
	"reply_key" text NOT NULL,
	"digested_until" timestamp with time zone,
	CONSTRAINT "discussion_subscriptions_network_id_user_id_pk" PRIMARY KEY("network_id","user_id"),
	CONSTRAINT "discussion_subscriptions_unsubscribe_token_unique" UNIQUE("unsubscribe_token")
);
--> statement-breakpoint
CREATE TABLE "discussion_topics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"author_id" uuid,
	"kind" text DEFAULT 'question' NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"themes" text[] DEFAULT '{}' NOT NULL,
	"meeting_id" uuid,
	"via" text DEFAULT 'web' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_activity_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inbound_mails" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sender" text NOT NULL,
	"recipient" text NOT NULL,
	"outcome" text NOT NULL,
	"post_id" uuid,
	"topic_id" uuid,
	"size_bytes" integer DEFAULT 0 NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "buddy_agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"text" text NOT NULL,
	"done_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "buddy_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "buddy_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"author_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "confidential_audit" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event" text NOT NULL,
	"group_id" uuid,
	"actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "intervision_group_members" (
	"group_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "intervision_group_members_group_id_user_id_pk" PRIMARY KEY("group_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "intervision_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"name" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "intervision_methods" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"steps" jsonb NOT NULL,
	"archived_at" timestamp with time zone,
	CONSTRAINT "intervision_methods_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "intervision_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"author_id" uuid,
	"step_index" integer NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "intervision_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"case_owner_id" uuid NOT NULL,
	"case_title" text NOT NULL,
	"case_text" text NOT NULL,
	"method_id" uuid,
	"steps" jsonb,
	"current_step" integer DEFAULT -1 NOT NULL,
	"step_started_at" timestamp with time zone,
	"insight" text,
	"next_step" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "discussion_attachments" ADD CONSTRAINT "discussion_attachments_topic_id_discussion_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."discussion_topics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discussion_attachments" ADD CONSTRAINT "discussion_attachments_post_id_discussion_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."discussion_posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discussion_attachments" ADD CONSTRAINT "discussion_attachments_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discussion_posts" ADD CONSTRAINT "discussion_posts_topic_id_discussion_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."discussion_topics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discussion_posts" ADD CONSTRAINT "discussion_posts_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discussion_posts" ADD CONSTRAINT "discussion_posts_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discussion_reads" ADD CONSTRAINT "discussion_reads_topic_id_discussion_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."discussion_topics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discussion_reads" ADD CONSTRAINT "discussion_reads_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discussion_subscriptions" ADD CONSTRAINT "discussion_subscriptions_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discussion_subscriptions" ADD CONSTRAINT "discussion_subscriptions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discussion_topics" ADD CONSTRAINT "discussion_topics_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discussion_topics" ADD CONSTRAINT "discussion_topics_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discussion_topics" ADD CONSTRAINT "discussion_topics_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "buddy_agreements" ADD CONSTRAINT "buddy_agreements_group_id_buddy_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."buddy_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "buddy_agreements" ADD CONSTRAINT "buddy_agreements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "buddy_meetings" ADD CONSTRAINT "buddy_meetings_group_id_buddy_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."buddy_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "buddy_meetings" ADD CONSTRAINT "buddy_meetings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "buddy_notes" ADD CONSTRAINT "buddy_notes_group_id_buddy_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."buddy_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "buddy_notes" ADD CONSTRAINT "buddy_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervision_group_members" ADD CONSTRAINT "intervision_group_members_group_id_intervision_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."intervision_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervision_group_members" ADD CONSTRAINT "intervision_group_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervision_groups" ADD CONSTRAINT "intervision_groups_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervision_groups" ADD CONSTRAINT "intervision_groups_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervision_notes" ADD CONSTRAINT "intervision_notes_session_id_intervision_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."intervision_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervision_notes" ADD CONSTRAINT "intervision_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervision_sessions" ADD CONSTRAINT "intervision_sessions_group_id_intervision_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."intervision_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervision_sessions" ADD CONSTRAINT "intervision_sessions_case_owner_id_users_id_fk" FOREIGN KEY ("case_owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervision_sessions" ADD CONSTRAINT "intervision_sessions_method_id_intervision_methods_id_fk" FOREIGN KEY ("method_id") REFERENCES "public"."intervision_methods"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "discussion_posts_topic" ON "discussion_posts" USING btree ("topic_id","created_at");--> statement-breakpoint
CREATE INDEX "discussion_posts_network" ON "discussion_posts" USING btree ("network_id","created_at");--> statement-breakpoint
CREATE INDEX "discussion_topics_network" ON "discussion_topics" USING btree ("network_id","last_activity_at");--> statement-breakpoint
CREATE INDEX "buddy_notes_group" ON "buddy_notes" USING btree ("group_id","created_at");
--> statement-breakpoint
INSERT INTO "intervision_methods" ("name", "summary", "steps") VALUES
('Incidentmethode', 'Een concreet voorval waarin de inbrenger moest handelen; de groep onderzoekt wat je in zo''n situatie kunt doen.', '[{"title":"Incident inbrengen","minutes":5,"description":"De casusinbrenger beschrijft kort een concreet voorval waarin hij of zij snel moest handelen, tot het moment van beslissen."},{"title":"Informatievragen","minutes":10,"description":"De groep stelt feitelijke vragen om de situatie helder te krijgen. Nog geen adviezen."},{"title":"Wat zou jij doen?","minutes":10,"description":"Ieder schrijft op hoe hij of zij zou handelen en licht dat kort toe."},{"title":"Wat deed de inbrenger?","minutes":5,"description":"De inbrenger vertelt hoe het afliep en reageert op de voorstellen."},{"title":"Lessen trekken","minutes":10,"description":"Samen de principes benoemen die in zulke situaties helpen."},{"title":"Inzicht en volgende stap","minutes":5,"description":"De inbrenger zegt wat hij of zij meeneemt en wat de volgende stap is."}]'),
('Roddelmethode', 'De inbrenger luistert met de rug naar de groep terwijl de anderen vrijuit over de casus praten.', '[{"title":"Casus inbrengen","minutes":5,"description":"De inbrenger vertelt de casus en formuleert een vraag."},{"title":"Verhelderende vragen","minutes":10,"description":"De groep stelt vragen om de casus te begrijpen."},{"title":"Roddelen","minutes":15,"description":"De inbrenger draait zich om en luistert alleen. De groep praat in de derde persoon over de inbrenger: hypotheses, gevoelens, adviezen."},{"title":"Reactie van de inbrenger","minutes":5,"description":"De inbrenger draait terug en vertelt wat raakte en wat herkenbaar was."},{"title":"Inzicht en volgende stap","minutes":5,"description":"De inbrenger zegt wat hij of zij meeneemt en wat de volgende stap is."}]'),
('Balintmethode', 'De groep deelt associaties, beelden en gevoelens bij het verhaal; de inbrenger luistert.', '[{"title":"Verhaal vertellen","minutes":10,"description":"De inbrenger vertelt over een situatie die hem of haar bezighoudt."},{"title":"Verhelderende vragen","minutes":10,"description":"Alleen vragen naar feiten, nog geen meningen."},{"title":"Associëren","minutes":15,"description":"De groep deelt beelden, gevoelens en associaties; de inbrenger luistert zonder te reageren."},{"title":"Reactie van de inbrenger","minutes":5,"description":"De inbrenger vertelt wat hem of haar trof."},{"title":"Inzicht en volgende stap","minutes":5,"description":"De inbrenger zegt wat hij of zij meeneemt en wat de volgende stap is."}]');
