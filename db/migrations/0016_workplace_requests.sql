CREATE TABLE "held_inbound_mail_files" (
	"held_mail_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	CONSTRAINT "held_inbound_mail_files_held_mail_id_file_id_pk" PRIMARY KEY("held_mail_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "held_inbound_mails" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "held_inbound_mails_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
-- Workplaces saved before claims needed the school's confirmation count as confirmed; new rows
-- must say their status, so the default goes again.
ALTER TABLE "organisation_members" ADD COLUMN "status" text DEFAULT 'confirmed' NOT NULL;--> statement-breakpoint
ALTER TABLE "organisation_members" ALTER COLUMN "status" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "held_inbound_mail_files" ADD CONSTRAINT "held_inbound_mail_files_held_mail_id_held_inbound_mails_id_fk" FOREIGN KEY ("held_mail_id") REFERENCES "public"."held_inbound_mails"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "held_inbound_mail_files" ADD CONSTRAINT "held_inbound_mail_files_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "held_inbound_mails" ADD CONSTRAINT "held_inbound_mails_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "held_inbound_mails" ADD CONSTRAINT "held_inbound_mails_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "held_inbound_mails_user" ON "held_inbound_mails" USING btree ("user_id","expires_at");--> statement-breakpoint
CREATE INDEX "held_inbound_mails_expires" ON "held_inbound_mails" USING btree ("expires_at");