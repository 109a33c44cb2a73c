import {
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

const bytea = customType<{ data: Buffer }>({ dataType: () => "bytea" });

export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
  hits: integer("hits").notNull(),
});

/**
 * The transactional outbox: a mail is written in the transaction of the change it reports and
 * delivered after commit by the sender (platform/mailer.server.ts). Body, reply address and
 * headers (reply keys, unsubscribe tokens, login links) are wiped once the mail has left, so
 * what stays, and what admins see, is delivery metadata.
 */
export const outbox = pgTable(
  "outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    to: text("to").notNull(),
    /** the template key ("mail.magicLink"); decides whether admins may see the subject */
    kind: text("kind"),
    /** wiped on delivery unless the kind's subject is declared non-confidential */
    subject: text("subject"),
    text: text("text"),
    /** the HTML part, rendered from the same template as text; wiped with it */
    html: text("html"),
    replyTo: text("reply_to"),
    headers: jsonb("headers").$type<Record<string, string>>(),
    status: text("status", { enum: ["pending", "sent", "failed"] })
      .notNull()
      .default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    lastError: text("last_error"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("outbox_due_idx").on(table.status, table.nextAttemptAt)],
);

/**
 * Uploaded files live in the database, so every app process behind the load balancer serves
 * them and backups hold them. Access is always decided by the module that owns the reference.
 */
export const storedFiles = pgTable("stored_files", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  contentType: text("content_type").notNull(),
  size: integer("size").notNull(),
  content: bytea("content").notNull(),
  uploadedBy: uuid("uploaded_by"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Keys the application makes for itself on first use and shares between its processes (the web
 * process signs a link, the worker checks it, or the other way round): no setting to forget.
 */
export const appSecrets = pgTable("app_secrets", {
  name: text("name").primaryKey(),
  value: text("value").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Durable background jobs (reminders): they survive a restart and run once across processes. */
export const jobs = pgTable(
  "jobs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").notNull(),
    /** Scheduling the same key again replaces the pending job (a moved meeting). */
    key: text("key").notNull(),
    payload: jsonb("payload").notNull().$type<Record<string, unknown>>(),
    runAt: timestamp("run_at", { withTimezone: true }).notNull(),
    status: text("status", { enum: ["pending", "done", "failed"] })
      .notNull()
      .default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("jobs_key_unique").on(table.key),
    index("jobs_due_idx").on(table.status, table.runAt),
  ],
);
