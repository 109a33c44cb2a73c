import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./accounts.ts";
import { meetings } from "./meetings.ts";
import { networks } from "./networks.ts";
import { storedFiles } from "./platform.ts";
import { tsvector } from "./search.ts";

/** A question or topic put to the whole network (the "mailgroep" of seed H). */
export const discussionTopics = pgTable(
  "discussion_topics",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    networkId: uuid("network_id")
      .notNull()
      .references(() => networks.id, { onDelete: "cascade" }),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    kind: text("kind", { enum: ["question", "topic"] })
      .notNull()
      .default("question"),
    title: text("title").notNull(),
    body: text("body").notNull(),
    themes: text("themes").array().notNull().default([]),
    meetingId: uuid("meeting_id").references(() => meetings.id, { onDelete: "set null" }),
    via: text("via", { enum: ["web", "email"] })
      .notNull()
      .default("web"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastActivityAt: timestamp("last_activity_at", { withTimezone: true }).notNull().defaultNow(),
    /** Dutch full-text search, stored so a search does not stem every topic. */
    searchVector: tsvector("search_vector").generatedAlwaysAs(
      sql`to_tsvector('dutch', title || ' ' || body)`,
    ),
  },
  (table) => [
    index("discussion_topics_network").on(table.networkId, table.lastActivityAt),
    index("discussion_topics_network_created").on(table.networkId, table.createdAt),
    index("discussion_topics_search_idx").using("gin", table.searchVector),
  ],
);

export const discussionPosts = pgTable(
  "discussion_posts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    topicId: uuid("topic_id")
      .notNull()
      .references(() => discussionTopics.id, { onDelete: "cascade" }),
    networkId: uuid("network_id")
      .notNull()
      .references(() => networks.id, { onDelete: "cascade" }),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    /** the answer this one replies to; null answers the topic itself */
    parentId: uuid("parent_id"),
    body: text("body").notNull(),
    via: text("via", { enum: ["web", "email"] })
      .notNull()
      .default("web"),
    /** marked by the asker as what helped */
    helpful: boolean("helpful").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** Dutch full-text search, stored so a search does not stem every post. */
    searchVector: tsvector("search_vector").generatedAlwaysAs(sql`to_tsvector('dutch', body)`),
  },
  (table) => [
    index("discussion_posts_topic").on(table.topicId, table.createdAt),
    index("discussion_posts_network").on(table.networkId, table.createdAt),
    index("discussion_posts_search_idx").using("gin", table.searchVector),
  ],
);

export const discussionAttachments = pgTable(
  "discussion_attachments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    topicId: uuid("topic_id")
      .notNull()
      .references(() => discussionTopics.id, { onDelete: "cascade" }),
    postId: uuid("post_id").references(() => discussionPosts.id, { onDelete: "cascade" }),
    fileId: uuid("file_id")
      .notNull()
      .references(() => storedFiles.id, { onDelete: "cascade" }),
  },
  (table) => [index("discussion_attachments_topic").on(table.topicId)],
);

/** When a member last read a topic: what is newer is "nieuw" for them. */
export const discussionReads = pgTable(
  "discussion_reads",
  {
    topicId: uuid("topic_id")
      .notNull()
      .references(() => discussionTopics.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    seenAt: timestamp("seen_at", { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.topicId, table.userId] })],
);

/** How a member follows a network's discussion by e-mail; no row means "each message". */
export const discussionSubscriptions = pgTable(
  "discussion_subscriptions",
  {
    networkId: uuid("network_id")
      .notNull()
      .references(() => networks.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    mode: text("mode", { enum: ["each", "daily", "weekly", "none"] })
      .notNull()
      .default("each"),
    /** secret in the unsubscribe link (works without logging in) */
    unsubscribeToken: text("unsubscribe_token").notNull().unique(),
    /** in this member's reply addresses: a reply must come from them and carry their key */
    replyKey: text("reply_key").notNull(),
    /** what the last digest covered up to */
    digestedUntil: timestamp("digested_until", { withTimezone: true }),
  },
  (table) => [
    primaryKey({ columns: [table.networkId, table.userId] }),
    index("discussion_subscriptions_user").on(table.userId),
  ],
);

/** Every inbound mail and what became of it (kept without its text when refused). */
export const inboundMails = pgTable("inbound_mails", {
  id: uuid("id").primaryKey().defaultRandom(),
  sender: text("sender").notNull(),
  recipient: text("recipient").notNull(),
  outcome: text("outcome").notNull(),
  postId: uuid("post_id"),
  topicId: uuid("topic_id"),
  sizeBytes: integer("size_bytes").notNull().default(0),
  receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A mail to a network's address whose sender was not proven (no trusted SPF/DKIM/DMARC pass
 * aligned with From:). It waits for the member named in From: to publish or discard it; the
 * link they get holds a token of which only the hash is kept.
 */
export const heldInboundMails = pgTable(
  "held_inbound_mails",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    networkId: uuid("network_id")
      .notNull()
      .references(() => networks.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    body: text("body").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("held_inbound_mails_user").on(table.userId, table.expiresAt),
    index("held_inbound_mails_expires").on(table.expiresAt),
  ],
);

/** The attachments of a held mail, already checked and stored; linked to the topic on publishing. */
export const heldInboundMailFiles = pgTable(
  "held_inbound_mail_files",
  {
    heldMailId: uuid("held_mail_id")
      .notNull()
      .references(() => heldInboundMails.id, { onDelete: "cascade" }),
    fileId: uuid("file_id")
      .notNull()
      .references(() => storedFiles.id, { onDelete: "cascade" }),
  },
  (table) => [primaryKey({ columns: [table.heldMailId, table.fileId] })],
);
