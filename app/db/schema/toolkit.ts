import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./accounts.ts";
import { storedFiles } from "./platform.ts";
import { tsvector } from "./search.ts";

/** The toolkit of the network-learning school works in a school (or board) or in a network. */
export const spaceKinds = ["organisation", "network"] as const;

export const initiatives = pgTable(
  "initiatives",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    spaceKind: text("space_kind", { enum: spaceKinds }).notNull(),
    spaceId: uuid("space_id").notNull(),
    name: text("name").notNull(),
    goal: text("goal").notNull(),
    forWhom: text("for_whom").notNull().default(""),
    valueForOthers: text("value_for_others").notNull().default(""),
    /** the step plan of chapter 3 (0–10) or the BTG steps of chapter 2 */
    plan: text("plan", { enum: ["stappenplan", "btg"] })
      .notNull()
      .default("stappenplan"),
    currentStep: integer("current_step").notNull().default(0),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("initiatives_space").on(table.spaceKind, table.spaceId),
    // A step outside its plan has no name (the seed once put the Olympiade at BTG step 8 of 0–7).
    check(
      "initiatives_step_in_plan",
      sql`${table.currentStep} >= 0 and ${table.currentStep} <= case ${table.plan} when 'btg' then 7 else 10 end`,
    ),
  ],
);

export const initiativeStepNotes = pgTable(
  "initiative_step_notes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    initiativeId: uuid("initiative_id")
      .notNull()
      .references(() => initiatives.id, { onDelete: "cascade" }),
    step: integer("step").notNull(),
    note: text("note").notNull(),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("initiative_step_notes_initiative_idx").on(table.initiativeId)],
);

/**
 * Positions of involvement (i initiatiefnemer, p partner, s schakel, l leverancier,
 * g gebruiker) over time: a change closes the row and opens a new one.
 */
export const initiativeInvolvement = pgTable(
  "initiative_involvement",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    initiativeId: uuid("initiative_id")
      .notNull()
      .references(() => initiatives.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    position: text("position", { enum: ["i", "p", "s", "l", "g"] }).notNull(),
    /** interest, an offer of help, or joining the pilot */
    kind: text("kind", { enum: ["role", "interest", "help", "pilot"] })
      .notNull()
      .default("role"),
    note: text("note").notNull().default(""),
    since: timestamp("since", { withTimezone: true }).notNull().defaultNow(),
    until: timestamp("until", { withTimezone: true }),
  },
  (table) => [
    index("initiative_involvement_initiative").on(table.initiativeId),
    index("initiative_involvement_user").on(table.userId),
  ],
);

export const themes = pgTable(
  "themes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    spaceKind: text("space_kind", { enum: spaceKinds }).notNull(),
    spaceId: uuid("space_id").notNull(),
    name: text("name").notNull(),
    kind: text("kind", { enum: ["jaarthema", "vast", "tijdelijk"] }).notNull(),
    description: text("description").notNull().default(""),
    /** "2026-2027": the school year the theme has attention in */
    schoolYear: text("school_year").notNull(),
    startsOn: date("starts_on"),
    endsOn: date("ends_on"),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    /** a theme renewed at the clean slate points to last year's, so its knowledge comes back */
    renewedFromId: uuid("renewed_from_id"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("themes_space").on(table.spaceKind, table.spaceId)],
);

export const themeSchakels = pgTable(
  "theme_schakels",
  {
    themeId: uuid("theme_id")
      .notNull()
      .references(() => themes.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (table) => [primaryKey({ columns: [table.themeId, table.userId] })],
);

export const initiativeThemes = pgTable(
  "initiative_themes",
  {
    initiativeId: uuid("initiative_id")
      .notNull()
      .references(() => initiatives.id, { onDelete: "cascade" }),
    themeId: uuid("theme_id")
      .notNull()
      .references(() => themes.id, { onDelete: "cascade" }),
  },
  (table) => [primaryKey({ columns: [table.initiativeId, table.themeId] })],
);

/** One section or team meeting (overleg 1…n) in a school year's agenda. */
export const agendaMeetings = pgTable(
  "agenda_meetings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    spaceKind: text("space_kind", { enum: spaceKinds }).notNull(),
    spaceId: uuid("space_id").notNull(),
    /** the section or team, e.g. "Sectie Engels" */
    body: text("body").notNull(),
    schoolYear: text("school_year").notNull(),
    number: integer("number").notNull(),
    heldOn: date("held_on"),
  },
  (table) => [index("agenda_meetings_space").on(table.spaceKind, table.spaceId, table.body)],
);

/**
 * What the section decided for an initiative at one meeting: the column it is in, or that it is
 * off this meeting ("geschrapt"). Without a decision the agenda suggests a column (see yearAgenda).
 */
export const agendaPlans = pgTable(
  "agenda_plans",
  {
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => agendaMeetings.id, { onDelete: "cascade" }),
    initiativeId: uuid("initiative_id")
      .notNull()
      .references(() => initiatives.id, { onDelete: "cascade" }),
    column: text("column", { enum: ["plannen", "informeren", "ervaringen", "geschrapt"] })
      .notNull()
      .default("plannen"),
  },
  (table) => [primaryKey({ columns: [table.meetingId, table.initiativeId] })],
);

/** "Regelwerk tussendoor": arranged outside the meeting. */
export const agendaChores = pgTable(
  "agenda_chores",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => agendaMeetings.id, { onDelete: "cascade" }),
    text: text("text").notNull(),
  },
  (table) => [index("agenda_chores_meeting_idx").on(table.meetingId)],
);

/** Network analysis (L 7.1) around an initiative or a theme. */
export const networkAnalyses = pgTable(
  "network_analyses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    spaceKind: text("space_kind", { enum: spaceKinds }).notNull(),
    spaceId: uuid("space_id").notNull(),
    initiativeId: uuid("initiative_id").references(() => initiatives.id, { onDelete: "cascade" }),
    themeId: uuid("theme_id").references(() => themes.id, { onDelete: "cascade" }),
    /** step 1: the initiative or theme in the middle */
    centre: text("centre").notNull(),
    /**
     * Raised in the same transaction as every change to the analysis, so two snapshots of it can
     * be told apart: the page shows whichever is newer, its own or one picked up while polling.
     */
    revision: integer("revision").notNull().default(0),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("network_analyses_space_idx").on(table.spaceKind, table.spaceId)],
);

/** Step 2 ingredients and step 3 schakels; every addition is its own row, so none is lost. */
export const analysisItems = pgTable(
  "analysis_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    analysisId: uuid("analysis_id")
      .notNull()
      .references(() => networkAnalyses.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["ingredient", "schakel"] }).notNull(),
    label: text("label").notNull(),
    category: text("category").notNull().default("anders"),
    /** a schakel who is a real person in the school */
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    /** step 4: the story of the initiative for this schakel, and the contact prepared */
    story: text("story").notNull().default(""),
    email: text("email").notNull().default(""),
    invitedAt: timestamp("invited_at", { withTimezone: true }),
    x: integer("x"),
    y: integer("y"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("analysis_items_analysis").on(table.analysisId)],
);

/** A schakel connects ingredients to the initiative. */
export const analysisLinks = pgTable(
  "analysis_links",
  {
    schakelId: uuid("schakel_id")
      .notNull()
      .references(() => analysisItems.id, { onDelete: "cascade" }),
    ingredientId: uuid("ingredient_id")
      .notNull()
      .references(() => analysisItems.id, { onDelete: "cascade" }),
  },
  (table) => [primaryKey({ columns: [table.schakelId, table.ingredientId] })],
);

/** Step 5: positions of involvement per contact, over time. */
export const analysisPositions = pgTable(
  "analysis_positions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    itemId: uuid("item_id")
      .notNull()
      .references(() => analysisItems.id, { onDelete: "cascade" }),
    position: text("position", { enum: ["i", "p", "s", "l", "g"] }).notNull(),
    since: timestamp("since", { withTimezone: true }).notNull().defaultNow(),
    until: timestamp("until", { withTimezone: true }),
  },
  (table) => [index("analysis_positions_item_idx").on(table.itemId)],
);

/** Theme analysis (L 7.2, figure 7.3), one canvas per theme. */
export const themeAnalyses = pgTable("theme_analyses", {
  themeId: uuid("theme_id")
    .primaryKey()
    .references(() => themes.id, { onDelete: "cascade" }),
  words: text("words").array().notNull().default([]),
  chosenName: text("chosen_name").notNull().default(""),
  remarks: text("remarks").notNull().default(""),
  story: text("story").notNull().default(""),
  ideas: text("ideas").notNull().default(""),
  startsOn: date("starts_on"),
  manifestationOn: date("manifestation_on"),
  manifestation: text("manifestation").notNull().default(""),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const themeMoments = pgTable(
  "theme_moments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    themeId: uuid("theme_id")
      .notNull()
      .references(() => themes.id, { onDelete: "cascade" }),
    heldOn: date("held_on").notNull(),
    title: text("title").notNull(),
  },
  (table) => [index("theme_moments_theme_idx").on(table.themeId)],
);

/** The nine activities of a network programme (L 7.3). */
export const programmeActivityKinds = [
  "thema-benoemd",
  "analyse-gemaakt",
  "gesprek-op-gang",
  "netwerken-geanalyseerd",
  "voorbeelden-gevonden",
  "media",
  "programmalijn",
  "ontmoetingsmomenten",
  "manifestatie",
] as const;

export const networkProgrammes = pgTable("network_programmes", {
  themeId: uuid("theme_id")
    .primaryKey()
    .references(() => themes.id, { onDelete: "cascade" }),
  startsOn: date("starts_on").notNull(),
  months: integer("months").notNull(),
  createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
});

export const programmeActivities = pgTable(
  "programme_activities",
  {
    themeId: uuid("theme_id")
      .notNull()
      .references(() => networkProgrammes.themeId, { onDelete: "cascade" }),
    activity: text("activity", { enum: programmeActivityKinds }).notNull(),
    plannedOn: date("planned_on"),
    doneAt: timestamp("done_at", { withTimezone: true }),
    note: text("note").notNull().default(""),
  },
  (table) => [primaryKey({ columns: [table.themeId, table.activity] })],
);

/** Denkgroep and doegroep sign-up lists. */
export const programmeSignups = pgTable(
  "programme_signups",
  {
    themeId: uuid("theme_id")
      .notNull()
      .references(() => networkProgrammes.themeId, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    group: text("group", { enum: ["denk", "doe", "nieuwsbrief"] }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.themeId, table.userId, table.group] })],
);

export const programmePilots = pgTable(
  "programme_pilots",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    themeId: uuid("theme_id")
      .notNull()
      .references(() => networkProgrammes.themeId, { onDelete: "cascade" }),
    title: text("title").notNull(),
    participants: text("participants").notNull().default(""),
    experiences: text("experiences").notNull().default(""),
  },
  (table) => [index("programme_pilots_theme_idx").on(table.themeId)],
);

export const newsletterIssues = pgTable(
  "newsletter_issues",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    themeId: uuid("theme_id")
      .notNull()
      .references(() => networkProgrammes.themeId, { onDelete: "cascade" }),
    title: text("title").notNull(),
    body: text("body").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    recipients: integer("recipients").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("newsletter_issues_theme_idx").on(table.themeId)],
);

/** Kennisweb: what a theme collected; kept after the theme closes. */
export const kenniswebItems = pgTable(
  "kennisweb_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    themeId: uuid("theme_id")
      .notNull()
      .references(() => themes.id, { onDelete: "cascade" }),
    kind: text("kind", {
      enum: ["verhaal", "uitspraak", "activiteit", "voorbeeld", "document", "link"],
    }).notNull(),
    title: text("title").notNull(),
    body: text("body").notNull().default(""),
    url: text("url").notNull().default(""),
    fileId: uuid("file_id").references(() => storedFiles.id, { onDelete: "set null" }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** Dutch full-text search, stored so a search does not stem every item. */
    searchVector: tsvector("search_vector").generatedAlwaysAs(
      sql`to_tsvector('dutch', title || ' ' || body)`,
    ),
  },
  (table) => [
    index("kennisweb_items_theme").on(table.themeId, table.createdAt.desc(), table.id.desc()),
    index("kennisweb_items_search_idx").using("gin", table.searchVector),
  ],
);
