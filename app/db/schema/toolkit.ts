import {
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
  (table) => [index("initiatives_space").on(table.spaceKind, table.spaceId)],
);

export const initiativeStepNotes = pgTable("initiative_step_notes", {
  id: uuid("id").primaryKey().defaultRandom(),
  initiativeId: uuid("initiative_id")
    .notNull()
    .references(() => initiatives.id, { onDelete: "cascade" }),
  step: integer("step").notNull(),
  note: text("note").notNull(),
  authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

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

/** "Plannen bespreken" at this meeting; the later columns follow from it (see yearAgenda). */
export const agendaPlans = pgTable(
  "agenda_plans",
  {
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => agendaMeetings.id, { onDelete: "cascade" }),
    initiativeId: uuid("initiative_id")
      .notNull()
      .references(() => initiatives.id, { onDelete: "cascade" }),
  },
  (table) => [primaryKey({ columns: [table.meetingId, table.initiativeId] })],
);

/** "Regelwerk tussendoor": arranged outside the meeting. */
export const agendaChores = pgTable("agenda_chores", {
  id: uuid("id").primaryKey().defaultRandom(),
  meetingId: uuid("meeting_id")
    .notNull()
    .references(() => agendaMeetings.id, { onDelete: "cascade" }),
  text: text("text").notNull(),
});
