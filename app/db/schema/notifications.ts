import { sql } from "drizzle-orm";
import { index, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts.ts";
import { networks } from "./networks.ts";

/**
 * In-app notifications (the bell): one row per recipient and event. The text is not stored: the
 * page writes it from `kind` in the reader's language, with the actor's current name (so an
 * erased actor reads "Oud-lid") and `subject`, the title of what it is about.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** one of notificationKinds (app/modules/notifications/kinds.ts) */
    kind: text("kind").notNull(),
    /** who caused it (the one who answered, the facilitator who decided) */
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    /** the network it happened in: a notification is shown only while its reader may still see the network */
    networkId: uuid("network_id").references(() => networks.id, { onDelete: "cascade" }),
    /** the title of what it is about (a topic, a meeting, a survey) */
    subject: text("subject").notNull().default(""),
    /** a path inside Knooppunt ("/netwerken/…/discussie/…") */
    link: text("link").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (table) => [
    index("notifications_user_idx").on(table.userId, table.createdAt),
    index("notifications_unread_idx").on(table.userId).where(sql`${table.readAt} is null`),
    index("notifications_actor_idx").on(table.actorId),
  ],
);

/** Per kind, where a person wants to hear of it: in the app, by mail or both (the default when absent). */
export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    channel: text("channel", { enum: ["app", "mail", "both"] }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.kind] })],
);
