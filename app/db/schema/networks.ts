import { sql } from "drizzle-orm";
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./accounts.ts";
import { organisations, programmes } from "./organisations.ts";
import { regions } from "./regions.ts";
import { folded, trigramIndex, tsvector } from "./search.ts";

export const networks = pgTable(
  "networks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind", { enum: ["network", "course"] })
      .notNull()
      .default("network"),
    name: text("name").notNull(),
    question: text("question").notNull().default(""),
    description: text("description").notNull().default(""),
    themes: text("themes").array().notNull().default(sql`'{}'::text[]`),
    sectors: text("sectors").array().notNull().default(sql`'{}'::text[]`),
    targetFunctions: text("target_functions").array().notNull().default(sql`'{}'::text[]`),
    intendedMembers: text("intended_members").notNull().default(""),
    regionId: uuid("region_id").references(() => regions.id, { onDelete: "set null" }),
    programmeId: uuid("programme_id").references(() => programmes.id, { onDelete: "set null" }),
    status: text("status", { enum: ["in-formation", "active", "ended"] })
      .notNull()
      .default("in-formation"),
    openness: text("openness", { enum: ["open", "closed"] })
      .notNull()
      .default("open"),
    joinMode: text("join_mode", { enum: ["direct", "nomination"] })
      .notNull()
      .default("direct"),
    form: text("form", { enum: ["online", "location", "mixed"] })
      .notNull()
      .default("mixed"),
    meetingPattern: text("meeting_pattern").notNull().default(""),
    meetingsPerYear: integer("meetings_per_year"),
    capacity: integer("capacity").notNull().default(20),
    startDate: date("start_date"),
    endDate: date("end_date"),
    durationMonths: integer("duration_months"),
    costsNote: text("costs_note").notNull().default(""),
    facilitatorNote: text("facilitator_note").notNull().default(""),
    phase: text("phase", { enum: ["zaaien", "cultiveren", "oogsten"] })
      .notNull()
      .default("zaaien"),
    offerDays: integer("offer_days").notNull().default(7),
    facilitatedMeetingsHeld: integer("facilitated_meetings_held").notNull().default(0),
    continuation: text("continuation", { enum: ["continues", "stops", "intends"] }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** Dutch full-text search, computed by the database so a search does not stem every row. */
    searchVector: tsvector("search_vector").generatedAlwaysAs(
      sql`to_tsvector('dutch', name || ' ' || question || ' ' || description)`,
    ),
    /** Name and themes folded for "contains" search (see search.ts), one per line. */
    searchText: text("search_text").generatedAlwaysAs(
      folded("name || chr(10) || kn_array_text(themes)"),
    ),
  },
  (table) => [
    index("networks_programme_idx").on(table.programmeId),
    index("networks_search_idx").using("gin", table.searchVector),
    trigramIndex("networks_search_text_trgm", table.searchText),
    // The theme filter (themes @> array[…]).
    index("networks_themes_idx").using("gin", table.themes),
    index("networks_name_idx").on(table.name, table.id),
    // The catalogue: networks that have not ended, in its order, a page at a time; its count
    // reads this index alone.
    index("networks_catalogue_idx").on(table.name, table.id).where(sql`${table.status} <> 'ended'`),
    // Networks that fit a newcomer (welcome step 4): by sector or region, as themes above.
    index("networks_sectors_idx")
      .using("gin", table.sectors)
      .where(sql`${table.status} <> 'ended'`),
    index("networks_region_idx").on(table.regionId).where(sql`${table.status} <> 'ended'`),
  ],
);

/**
 * The themes of the networks that have not ended, with how many use each: the catalogue's theme
 * filter reads this small table instead of unnesting every network per request. Kept by a
 * trigger on networks (migration 0022), so it is never stale.
 */
export const networkThemes = pgTable("network_themes", {
  theme: text("theme").primaryKey(),
  networks: integer("networks").notNull(),
});

export const networkPhaseChanges = pgTable(
  "network_phase_changes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    networkId: uuid("network_id")
      .notNull()
      .references(() => networks.id, { onDelete: "cascade" }),
    phase: text("phase", { enum: ["zaaien", "cultiveren", "oogsten"] }).notNull(),
    note: text("note").notNull().default(""),
    changedBy: uuid("changed_by").references(() => users.id, { onDelete: "set null" }),
    changedAt: timestamp("changed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("network_phase_changes_network_idx").on(table.networkId, table.changedAt)],
);

/** The numbered steps of a network's route (Autopoiesis: 1 aanmelden … 8 voortgang). */
export const networkSteps = pgTable(
  "network_steps",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    networkId: uuid("network_id")
      .notNull()
      .references(() => networks.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    title: text("title").notNull(),
    /** How the step is done: by enrolling, a conversation, attending, a presentation, or ticked off. */
    kind: text("kind", {
      enum: ["enrol", "intake", "development", "closing", "meetings", "presentation", "other"],
    })
      .notNull()
      .default("other"),
  },
  (table) => [uniqueIndex("network_steps_number_unique").on(table.networkId, table.number)],
);

export const enrolmentRoutes = pgTable(
  "enrolment_routes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    networkId: uuid("network_id")
      .notNull()
      .references(() => networks.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    priceCents: integer("price_cents").notNull(),
    secondPersonPriceCents: integer("second_person_price_cents"),
    includes: text("includes").notNull().default(""),
    extraCosts: text("extra_costs").notNull().default(""),
    vatExempt: boolean("vat_exempt").notNull().default(false),
    stepNumbers: integer("step_numbers").array().notNull().default(sql`'{}'::int[]`),
    position: integer("position").notNull().default(0),
    /** Completion rule: attend at least this many meetings (null: no attendance rule). */
    minMeetings: integer("min_meetings"),
    /** Completion rule: every step of the route done. */
    requiresAllSteps: boolean("requires_all_steps").notNull().default(true),
    /** Re-registration points on completion (Autopoiesis "met herregistratie": 85); null: none. */
    registerPoints: integer("register_points"),
    /** Professionaliseringsthema's the route counts for. */
    registerThemes: text("register_themes").array().notNull().default(sql`'{}'::text[]`),
  },
  (table) => [index("enrolment_routes_network_idx").on(table.networkId)],
);

export const networkMembers = pgTable(
  "network_members",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    networkId: uuid("network_id")
      .notNull()
      .references(() => networks.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: ["penvoerder", "facilitator", "deelnemer"] }).notNull(),
    status: text("status", {
      enum: ["active", "nominated", "awaiting-intake", "declined", "left"],
    }).notNull(),
    routeId: uuid("route_id").references(() => enrolmentRoutes.id, { onDelete: "set null" }),
    organisationId: uuid("organisation_id").references(() => organisations.id, {
      onDelete: "set null",
    }),
    priceCents: integer("price_cents"),
    motivation: text("motivation").notNull().default(""),
    learningQuestionDraft: text("learning_question_draft").notNull().default(""),
    nominatedBy: uuid("nominated_by").references(() => users.id, { onDelete: "set null" }),
    nominationNote: text("nomination_note").notNull().default(""),
    decisionMessage: text("decision_message").notNull().default(""),
    joinedAt: timestamp("joined_at", { withTimezone: true }),
    leftAt: timestamp("left_at", { withTimezone: true }),
    /** Set when the member meets the route's completion rules (attendance and steps). */
    routeCompletedAt: timestamp("route_completed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("network_members_network_idx").on(table.networkId),
    index("network_members_user_idx").on(table.userId),
    // One live membership per person per network; history rows (left, declined) may repeat.
    uniqueIndex("network_members_live_unique")
      .on(table.networkId, table.userId)
      .where(sql`${table.status} in ('active', 'nominated', 'awaiting-intake')`),
  ],
);

export const waitingList = pgTable(
  "waiting_list",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    networkId: uuid("network_id")
      .notNull()
      .references(() => networks.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    routeId: uuid("route_id").references(() => enrolmentRoutes.id, { onDelete: "set null" }),
    organisationId: uuid("organisation_id").references(() => organisations.id, {
      onDelete: "set null",
    }),
    motivation: text("motivation").notNull().default(""),
    learningQuestionDraft: text("learning_question_draft").notNull().default(""),
    status: text("status", {
      enum: ["waiting", "offered", "accepted", "expired", "withdrawn", "moved"],
    }).notNull(),
    offerExpiresAt: timestamp("offer_expires_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("waiting_list_network_idx").on(table.networkId),
    index("waiting_list_user_idx").on(table.userId),
    uniqueIndex("waiting_list_live_unique")
      .on(table.networkId, table.userId)
      .where(sql`${table.status} in ('waiting', 'offered')`),
  ],
);

export const programmeCriteria = pgTable("programme_criteria", {
  id: uuid("id").primaryKey().defaultRandom(),
  programmeId: uuid("programme_id")
    .notNull()
    .references(() => programmes.id, { onDelete: "cascade" }),
  position: integer("position").notNull(),
  label: text("label").notNull(),
  /** A rule the app computes from the network's data; null means the applicant declares it. */
  rule: text("rule"),
  ruleValue: integer("rule_value"),
});

export const supportApplications = pgTable(
  "support_applications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    networkId: uuid("network_id")
      .notNull()
      .references(() => networks.id, { onDelete: "cascade" }),
    programmeId: uuid("programme_id")
      .notNull()
      .references(() => programmes.id, { onDelete: "cascade" }),
    status: text("status", { enum: ["submitted", "approved", "declined"] }).notNull(),
    submittedBy: uuid("submitted_by").references(() => users.id, { onDelete: "set null" }),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull().defaultNow(),
    /** criterion id → { met, explanation } as declared by the applicant */
    declarations: jsonb("declarations")
      .$type<Record<string, { met: boolean; explanation: string }>>()
      .notNull(),
    /** the evaluation at the moment of submitting, so the coordinator sees what was true then */
    evaluation: jsonb("evaluation")
      .$type<
        {
          criterionId: string;
          label: string;
          source: "computed" | "declared";
          met: boolean;
          detail: string;
        }[]
      >()
      .notNull(),
    decisionNote: text("decision_note").notNull().default(""),
    decidedBy: uuid("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    stimulusCents: integer("stimulus_cents"),
    stimulusPurposes: text("stimulus_purposes").array().notNull().default(sql`'{}'::text[]`),
  },
  (table) => [
    index("support_applications_network_idx").on(table.networkId),
    // A coordinator's queue (the start page, /aanvragen): the undecided ones of their programmes.
    index("support_applications_open_idx")
      .on(table.programmeId)
      .where(sql`${table.status} = 'submitted'`),
  ],
);
