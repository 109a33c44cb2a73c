import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./accounts.ts";
import { regions } from "./regions.ts";
import { folded, trigramIndex } from "./search.ts";

export const organisations = pgTable(
  "organisations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind", { enum: ["school", "board"] }).notNull(),
    name: text("name").notNull(),
    brin: text("brin"),
    sector: text("sector", { enum: ["PO", "VO", "SO", "MBO"] }),
    place: text("place").notNull().default(""),
    regionId: uuid("region_id").references(() => regions.id, { onDelete: "set null" }),
    boardId: uuid("board_id").references((): AnyPgColumn => organisations.id, {
      onDelete: "set null",
    }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** Name and place folded for "contains" search (see search.ts); a line apart, never joined. */
    searchText: text("search_text").generatedAlwaysAs(folded("name || chr(10) || place")),
  },
  (table) => [
    uniqueIndex("organisations_brin_unique")
      .on(sql`upper(${table.brin})`)
      .where(sql`${table.brin} is not null`),
    index("organisations_board_idx").on(table.boardId),
    trigramIndex("organisations_search_text_trgm", table.searchText),
    // The school list's order, read a page at a time.
    index("organisations_list_idx").on(table.kind, table.name, table.id),
  ],
);

export const organisationMembers = pgTable(
  "organisation_members",
  {
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: ["member", "admin"] })
      .notNull()
      .default("member"),
    /**
     * A workplace someone ticks on their profile is only a claim ("requested") until the school's
     * admins or a platform admin confirm it (later also the school's SSO); only "confirmed" rows
     * carry any right. No default: whoever inserts a row must say which it is.
     */
    status: text("status", { enum: ["requested", "confirmed"] }).notNull(),
    /** team or section (e.g. "Sectie Engels"), set by the school's admins; filters the knowledge map */
    team: text("team"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.organisationId, table.userId] }),
    index("organisation_members_user_idx").on(table.userId),
  ],
);

export const programmes = pgTable("programmes", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull().unique(),
  kind: text("kind", { enum: ["academy", "programme", "provider"] }).notNull(),
  description: text("description").notNull().default(""),
  website: text("website"),
  /** Stap 2 facilitates at most five meetings; after that a network directs itself. */
  facilitatedMeetingsLimit: integer("facilitated_meetings_limit"),
});

export const programmeCoordinators = pgTable(
  "programme_coordinators",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    programmeId: uuid("programme_id")
      .notNull()
      .references(() => programmes.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    regionId: uuid("region_id").references(() => regions.id, { onDelete: "set null" }),
  },
  (table) => [
    index("programme_coordinators_user_idx").on(table.userId),
    index("programme_coordinators_programme_idx").on(table.programmeId),
  ],
);

/**
 * An institution's login domain (SURFconext's `schac_home_organization`, the e-mail domain of an
 * Entra or Google Workspace tenant), mapped to a school by its admins: a login from that domain
 * confirms the person's workplace there.
 */
export const organisationLoginDomains = pgTable(
  "organisation_login_domains",
  {
    domain: text("domain").primaryKey(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("organisation_login_domains_organisation_idx").on(table.organisationId)],
);
