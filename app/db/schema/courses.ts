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
import { networks } from "./networks.ts";
import { storedFiles } from "./platform.ts";

/** Study load of a course (leergang): 5 contact days of 8 hours and 120 hours of self-study. */
export const courseDetails = pgTable("course_details", {
  networkId: uuid("network_id")
    .primaryKey()
    .references(() => networks.id, { onDelete: "cascade" }),
  contactDays: integer("contact_days").notNull().default(0),
  hoursPerContactDay: integer("hours_per_contact_day").notNull().default(8),
  selfStudyHours: integer("self_study_hours").notNull().default(0),
  teacherNote: text("teacher_note").notNull().default(""),
});

export const assignments = pgTable(
  "assignments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    networkId: uuid("network_id")
      .notNull()
      .references(() => networks.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    /** The final product: the worked-out assignments with a personal reflection. */
    isFinal: boolean("is_final").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("assignments_network_idx").on(table.networkId, table.dueAt)],
);

export const submissions = pgTable(
  "submissions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    assignmentId: uuid("assignment_id")
      .notNull()
      .references(() => assignments.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    text: text("text").notNull(),
    reflection: text("reflection").notNull().default(""),
    fileId: uuid("file_id").references(() => storedFiles.id, { onDelete: "set null" }),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("submissions_unique").on(table.assignmentId, table.userId),
    index("submissions_user_idx").on(table.userId),
  ],
);

export const submissionFeedback = pgTable(
  "submission_feedback",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    submissionId: uuid("submission_id")
      .notNull()
      .references(() => submissions.id, { onDelete: "cascade" }),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    authorRole: text("author_role", { enum: ["teacher", "buddy"] }).notNull(),
    text: text("text").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("submission_feedback_submission_idx").on(table.submissionId)],
);

export const literature = pgTable(
  "literature",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    networkId: uuid("network_id")
      .notNull()
      .references(() => networks.id, { onDelete: "cascade" }),
    citation: text("citation").notNull(),
    required: boolean("required").notNull().default(true),
    position: integer("position").notNull().default(0),
  },
  (table) => [index("literature_network_idx").on(table.networkId)],
);

/** Maatjes: a pair (or small group) inside a network or course. */
export const buddyGroups = pgTable(
  "buddy_groups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    networkId: uuid("network_id")
      .notNull()
      .references(() => networks.id, { onDelete: "cascade" }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("buddy_groups_network_idx").on(table.networkId)],
);

export const buddyGroupMembers = pgTable(
  "buddy_group_members",
  {
    groupId: uuid("group_id")
      .notNull()
      .references(() => buddyGroups.id, { onDelete: "cascade" }),
    networkId: uuid("network_id")
      .notNull()
      .references(() => networks.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  // one buddy group per person per network
  (table) => [
    uniqueIndex("buddy_group_members_unique").on(table.networkId, table.userId),
    index("buddy_group_members_group_idx").on(table.groupId),
    index("buddy_group_members_user_idx").on(table.userId),
  ],
);
