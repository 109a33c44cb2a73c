import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./accounts.ts";
import { networkMembers, networks } from "./networks.ts";
import { storedFiles } from "./platform.ts";

export const meetings = pgTable(
  "meetings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    networkId: uuid("network_id")
      .notNull()
      .references(() => networks.id, { onDelete: "cascade" }),
    theme: text("theme").notNull().default(""),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    mode: text("mode", { enum: ["online", "location"] }).notNull(),
    onlineUrl: text("online_url").notNull().default(""),
    address: text("address").notNull().default(""),
    speakerName: text("speaker_name").notNull().default(""),
    speakerInvitedBy: text("speaker_invited_by").notNull().default(""),
    speakerBriefed: boolean("speaker_briefed").notNull().default(false),
    speakerNote: text("speaker_note").notNull().default(""),
    /** Chosen by the group at the end of this meeting; shown as the theme of the next one. */
    nextTheme: text("next_theme").notNull().default(""),
    isClosing: boolean("is_closing").notNull().default(false),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    /** Bumped on every move, so a reminder job scheduled for an old time knows it is stale. */
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("meetings_network_idx").on(table.networkId, table.startsAt)],
);

export const meetingProgrammeItems = pgTable(
  "meeting_programme_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    minutes: integer("minutes"),
  },
  (table) => [index("meeting_programme_items_meeting_idx").on(table.meetingId)],
);

export const meetingPreparers = pgTable(
  "meeting_preparers",
  {
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (table) => [
    uniqueIndex("meeting_preparers_unique").on(table.meetingId, table.userId),
    index("meeting_preparers_user_idx").on(table.userId),
  ],
);

export const meetingCases = pgTable(
  "meeting_cases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    description: text("description").notNull(),
    question: text("question").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("meeting_cases_meeting_idx").on(table.meetingId)],
);

export const attendance = pgTable(
  "attendance",
  {
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    status: text("status", { enum: ["present", "excused", "absent"] }).notNull(),
    /**
     * Set when the facilitator counts a meeting from before the member's enrolment as caught up
     * ("ingehaald"); the reason is shown in the progress table.
     */
    caughtUpReason: text("caught_up_reason"),
    recordedBy: uuid("recorded_by").references(() => users.id, { onDelete: "set null" }),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("attendance_unique").on(table.meetingId, table.userId),
    index("attendance_user_idx").on(table.userId),
  ],
);

/** The managed list of professionaliseringsthema's (Schoolleidersregister PO). */
export const professionalThemes = pgTable("professional_themes", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull().unique(),
  position: integer("position").notNull().default(0),
});

export const learningQuestions = pgTable(
  "learning_questions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    networkId: uuid("network_id")
      .notNull()
      .references(() => networks.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    text: text("text").notNull(),
    themes: text("themes").array().notNull().default(sql`'{}'::text[]`),
    professionalThemes: text("professional_themes").array().notNull().default(sql`'{}'::text[]`),
    meetingIds: uuid("meeting_ids").array().notNull().default(sql`'{}'::uuid[]`),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("learning_questions_unique").on(table.networkId, table.userId),
    index("learning_questions_user_idx").on(table.userId),
  ],
);

export const learningQuestionRevisions = pgTable(
  "learning_question_revisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    questionId: uuid("question_id")
      .notNull()
      .references(() => learningQuestions.id, { onDelete: "cascade" }),
    text: text("text").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("learning_question_revisions_question_idx").on(table.questionId)],
);

/** A route step a member has done (aanmelden, a conversation, the closing presentation). */
export const stepCompletions = pgTable(
  "step_completions",
  {
    memberId: uuid("member_id")
      .notNull()
      .references(() => networkMembers.id, { onDelete: "cascade" }),
    stepNumber: integer("step_number").notNull(),
    note: text("note").notNull().default(""),
    link: text("link").notNull().default(""),
    fileId: uuid("file_id").references(() => storedFiles.id, { onDelete: "set null" }),
    completedAt: timestamp("completed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex("step_completions_unique").on(table.memberId, table.stepNumber)],
);

/** Intake, development and closing conversations between a member and the facilitator. */
export const conversations = pgTable(
  "conversations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    memberId: uuid("member_id")
      .notNull()
      .references(() => networkMembers.id, { onDelete: "cascade" }),
    facilitatorId: uuid("facilitator_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    stepNumber: integer("step_number").notNull(),
    kind: text("kind", { enum: ["intake", "development", "closing"] }).notNull(),
    status: text("status", { enum: ["proposed", "confirmed", "held"] }).notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }),
    endsAt: timestamp("ends_at", { withTimezone: true }),
    onlineUrl: text("online_url").notNull().default(""),
    /** Only the facilitator who holds the conversation reads this. */
    privateNote: text("private_note").notNull().default(""),
    sharedSummary: text("shared_summary").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("conversations_step_unique").on(table.memberId, table.stepNumber),
    index("conversations_facilitator_idx").on(table.facilitatorId),
  ],
);

export const conversationSlots = pgTable(
  "conversation_slots",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    conversationId: uuid("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
  },
  (table) => [index("conversation_slots_conversation_idx").on(table.conversationId)],
);

/** A member's calendar: the secret feed (only its hash is kept) and reminder choices. */
export const calendarSettings = pgTable("calendar_settings", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  feedTokenHash: text("feed_token_hash").unique(),
  feedCreatedAt: timestamp("feed_created_at", { withTimezone: true }),
  /** Hours before a meeting or conversation; null: no reminder. */
  meetingReminderHours: integer("meeting_reminder_hours").default(24),
  /** Hours before an assignment is due; null: no reminder. */
  dueReminderHours: integer("due_reminder_hours").default(48),
});

/** Which reminders went out, so a sweep after a restart never sends one twice. */
export const remindersSent = pgTable(
  "reminders_sent",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    subject: text("subject").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex("reminders_sent_unique").on(table.userId, table.subject)],
);
