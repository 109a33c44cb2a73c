import { sql } from "drizzle-orm";
import {
  boolean,
  customType,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./accounts.ts";
import { learningQuestions } from "./meetings.ts";
import { networks } from "./networks.ts";
import { organisations, programmes } from "./organisations.ts";
import { storedFiles } from "./platform.ts";

/** A ranking poll: each respondent puts their top 3 in order (3-2-1 points). */
export const polls = pgTable(
  "polls",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** a network's members vote, or a programme's (both null: anyone signed in) */
    networkId: uuid("network_id").references(() => networks.id, { onDelete: "cascade" }),
    programmeId: uuid("programme_id").references(() => programmes.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    question: text("question").notNull(),
    source: text("source").notNull().default(""),
    allowOther: boolean("allow_other").notNull().default(true),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("polls_network_idx").on(table.networkId)],
);

export const pollOptions = pgTable(
  "poll_options",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    pollId: uuid("poll_id")
      .notNull()
      .references(() => polls.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    label: text("label").notNull(),
  },
  (table) => [
    uniqueIndex("poll_options_label_unique").on(table.pollId, sql`lower(${table.label})`),
  ],
);

/** A ballot carries no voter: who voted is kept apart, so a ranking cannot be traced to a person. */
export const pollBallots = pgTable(
  "poll_ballots",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    pollId: uuid("poll_id")
      .notNull()
      .references(() => polls.id, { onDelete: "cascade" }),
    first: uuid("first").references(() => pollOptions.id, { onDelete: "cascade" }),
    second: uuid("second").references(() => pollOptions.id, { onDelete: "cascade" }),
    third: uuid("third").references(() => pollOptions.id, { onDelete: "cascade" }),
    /** "other", written in, at a place: "1:Coaching" */
    other: text("other").notNull().default(""),
  },
  (table) => [index("poll_ballots_poll_idx").on(table.pollId)],
);

export const pollVoters = pgTable(
  "poll_voters",
  {
    pollId: uuid("poll_id")
      .notNull()
      .references(() => polls.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (table) => [uniqueIndex("poll_voters_unique").on(table.pollId, table.userId)],
);

/** A survey sent to a network's members: a baseline (nulmeting), a follow-up or a closing one. */
export const surveys = pgTable(
  "surveys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    networkId: uuid("network_id")
      .notNull()
      .references(() => networks.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["baseline", "follow-up", "closing"] }).notNull(),
    title: text("title").notNull(),
    anonymous: boolean("anonymous").notNull().default(true),
    /** the five answer labels of the scale, from "helemaal oneens" to "helemaal eens" */
    scaleLabels: text("scale_labels").array().notNull().default(sql`'{}'::text[]`),
    baselineId: uuid("baseline_id"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("surveys_network_idx").on(table.networkId)],
);

export const surveyItems = pgTable(
  "survey_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    surveyId: uuid("survey_id")
      .notNull()
      .references(() => surveys.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    kind: text("kind", { enum: ["scale", "open"] }).notNull(),
    /** stable across surveys, so a follow-up compares with its baseline item by item */
    code: text("code").notNull(),
    text: text("text").notNull(),
  },
  (table) => [index("survey_items_survey_idx").on(table.surveyId)],
);

/** Who may answer (a one-time link) and whether they did; never what they answered. */
export const surveyInvitations = pgTable(
  "survey_invitations",
  {
    surveyId: uuid("survey_id")
      .notNull()
      .references(() => surveys.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull().unique(),
    answered: boolean("answered").notNull().default(false),
    remindedAt: timestamp("reminded_at", { withTimezone: true }),
  },
  (table) => [uniqueIndex("survey_invitations_unique").on(table.surveyId, table.userId)],
);

/** A response; for anonymous surveys without person and without time, so nothing links it back. */
export const surveyResponses = pgTable(
  "survey_responses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    surveyId: uuid("survey_id")
      .notNull()
      .references(() => surveys.id, { onDelete: "cascade" }),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
  },
  (table) => [index("survey_responses_survey_idx").on(table.surveyId)],
);

export const surveyAnswers = pgTable(
  "survey_answers",
  {
    responseId: uuid("response_id")
      .notNull()
      .references(() => surveyResponses.id, { onDelete: "cascade" }),
    itemId: uuid("item_id")
      .notNull()
      .references(() => surveyItems.id, { onDelete: "cascade" }),
    score: integer("score"),
    text: text("text").notNull().default(""),
  },
  (table) => [uniqueIndex("survey_answers_unique").on(table.responseId, table.itemId)],
);

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/** What a network found in its harvest phase: the answer to a learning question, and more. */
export const harvestOutcomes = pgTable(
  "harvest_outcomes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    networkId: uuid("network_id")
      .notNull()
      .references(() => networks.id, { onDelete: "cascade" }),
    learningQuestionId: uuid("learning_question_id").references(() => learningQuestions.id, {
      onDelete: "set null",
    }),
    title: text("title").notNull(),
    answer: text("answer").notNull(),
    fileId: uuid("file_id").references(() => storedFiles.id, { onDelete: "set null" }),
    /** the voorbeeldschool, shown only when the school agrees */
    schoolId: uuid("school_id").references(() => organisations.id, { onDelete: "set null" }),
    schoolConsentAt: timestamp("school_consent_at", { withTimezone: true }),
    publishRequestedAt: timestamp("publish_requested_at", { withTimezone: true }),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    searchVector: tsvector("search_vector").generatedAlwaysAs(
      sql`to_tsvector('dutch', title || ' ' || answer)`,
    ),
  },
  (table) => [
    index("harvest_outcomes_network_idx").on(table.networkId),
    index("harvest_outcomes_search_idx").using("gin", table.searchVector),
    // Good practices: the published ones, newest first, a page at a time; the count reads it too.
    index("harvest_outcomes_published_idx")
      .on(table.publishedAt, table.id)
      .where(sql`${table.publishedAt} is not null`),
  ],
);

/** People an outcome names; it is published only when every one of them agreed. */
export const harvestPeople = pgTable(
  "harvest_people",
  {
    outcomeId: uuid("outcome_id")
      .notNull()
      .references(() => harvestOutcomes.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    consentAt: timestamp("consent_at", { withTimezone: true }),
  },
  (table) => [uniqueIndex("harvest_people_unique").on(table.outcomeId, table.userId)],
);

/** A competence framework is data: an organisation loads the one it uses. */
export const competenceFrameworks = pgTable("competence_frameworks", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull().unique(),
  description: text("description").notNull().default(""),
  createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const competenceStatements = pgTable("competence_statements", {
  id: uuid("id").primaryKey().defaultRandom(),
  frameworkId: uuid("framework_id")
    .notNull()
    .references(() => competenceFrameworks.id, { onDelete: "cascade" }),
  competence: text("competence").notNull(),
  position: integer("position").notNull(),
  text: text("text").notNull(),
});

export const selfScans = pgTable(
  "self_scans",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    frameworkId: uuid("framework_id")
      .notNull()
      .references(() => competenceFrameworks.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("self_scans_user_idx").on(table.userId)],
);

export const selfScanScores = pgTable(
  "self_scan_scores",
  {
    scanId: uuid("scan_id")
      .notNull()
      .references(() => selfScans.id, { onDelete: "cascade" }),
    statementId: uuid("statement_id")
      .notNull()
      .references(() => competenceStatements.id, { onDelete: "cascade" }),
    score: integer("score").notNull(),
  },
  (table) => [uniqueIndex("self_scan_scores_unique").on(table.scanId, table.statementId)],
);

/** An action plan after a scan: goals with actions and dates, shared with a buddy or the facilitator. */
export const actionPlans = pgTable(
  "action_plans",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    scanId: uuid("scan_id").references(() => selfScans.id, { onDelete: "set null" }),
    learningQuestionId: uuid("learning_question_id").references(() => learningQuestions.id, {
      onDelete: "set null",
    }),
    /** the network in which it is shared; with whom */
    networkId: uuid("network_id").references(() => networks.id, { onDelete: "set null" }),
    sharedWith: text("shared_with", { enum: ["nobody", "buddy", "facilitator"] })
      .notNull()
      .default("nobody"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("action_plans_user_idx").on(table.userId)],
);

export const actionPlanItems = pgTable(
  "action_plan_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => actionPlans.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    goal: text("goal").notNull(),
    action: text("action").notNull(),
    dueDate: date("due_date"),
  },
  (table) => [index("action_plan_items_plan_idx").on(table.planId)],
);
