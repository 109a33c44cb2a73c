import {
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./accounts.ts";
import { buddyGroups } from "./courses.ts";
import { networks } from "./networks.ts";

export const buddyNotes = pgTable(
  "buddy_notes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    groupId: uuid("group_id")
      .notNull()
      .references(() => buddyGroups.id, { onDelete: "cascade" }),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("buddy_notes_group").on(table.groupId, table.createdAt)],
);

export const buddyAgreements = pgTable(
  "buddy_agreements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    groupId: uuid("group_id")
      .notNull()
      .references(() => buddyGroups.id, { onDelete: "cascade" }),
    text: text("text").notNull(),
    doneAt: timestamp("done_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("buddy_agreements_group_idx").on(table.groupId)],
);

export const buddyMeetings = pgTable(
  "buddy_meetings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    groupId: uuid("group_id")
      .notNull()
      .references(() => buddyGroups.id, { onDelete: "cascade" }),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    place: text("place").notNull().default(""),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
  },
  (table) => [index("buddy_meetings_group_idx").on(table.groupId)],
);

export interface MethodStep {
  title: string;
  minutes: number;
  description: string;
}

/** The managed list of intervision methods (incidentmethode, roddelmethode, balintmethode, …). */
export const intervisionMethods = pgTable("intervision_methods", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull().unique(),
  summary: text("summary").notNull().default(""),
  steps: jsonb("steps").$type<MethodStep[]>().notNull(),
  archived: timestamp("archived_at", { withTimezone: true }),
});

export const intervisionGroups = pgTable(
  "intervision_groups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    networkId: uuid("network_id")
      .notNull()
      .references(() => networks.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("intervision_groups_network_idx").on(table.networkId)],
);

export const intervisionGroupMembers = pgTable(
  "intervision_group_members",
  {
    groupId: uuid("group_id")
      .notNull()
      .references(() => intervisionGroups.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (table) => [
    primaryKey({ columns: [table.groupId, table.userId] }),
    index("intervision_group_members_user_idx").on(table.userId),
  ],
);

/** One case in one session; deleting it (the case owner may, any time) deletes its notes. */
export const intervisionSessions = pgTable(
  "intervision_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    groupId: uuid("group_id")
      .notNull()
      .references(() => intervisionGroups.id, { onDelete: "cascade" }),
    caseOwnerId: uuid("case_owner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    caseTitle: text("case_title").notNull(),
    caseText: text("case_text").notNull(),
    methodId: uuid("method_id").references(() => intervisionMethods.id, { onDelete: "set null" }),
    /** the method's steps copied at the start, so editing the list later changes no session */
    steps: jsonb("steps").$type<MethodStep[]>(),
    /** -1 not started, 0…n-1 the step running, n finished */
    currentStep: integer("current_step").notNull().default(-1),
    stepStartedAt: timestamp("step_started_at", { withTimezone: true }),
    insight: text("insight"),
    nextStep: text("next_step"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
  },
  (table) => [index("intervision_sessions_group_idx").on(table.groupId)],
);

export const intervisionNotes = pgTable(
  "intervision_notes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => intervisionSessions.id, { onDelete: "cascade" }),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    stepIndex: integer("step_index").notNull(),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("intervision_notes_session_idx").on(table.sessionId)],
);

/** What happened in confidential groups, never what was said. */
export const confidentialAudit = pgTable("confidential_audit", {
  id: uuid("id").primaryKey().defaultRandom(),
  event: text("event").notNull(),
  groupId: uuid("group_id"),
  actorId: uuid("actor_id"),
  at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
});
