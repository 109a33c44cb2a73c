import { sql } from "drizzle-orm";
import {
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
import { networkMembers, networks } from "./networks.ts";
import { storedFiles } from "./platform.ts";

/** A school leader's registration in the Schoolleidersregister PO: the start of the current cycle. */
export const registerProfiles = pgTable("register_profiles", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  /** Registration date, or the last re-registration date. */
  cycleStart: date("cycle_start").notNull(),
  cycleYears: integer("cycle_years").notNull().default(4),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Known offerings with their herregistratiewaarde (the AVS list), to pick rather than type. */
export const registerCatalogue = pgTable("register_catalogue", {
  id: uuid("id").primaryKey().defaultRandom(),
  provider: text("provider").notNull(),
  title: text("title").notNull(),
  percentage: integer("percentage").notNull(),
  learningForm: text("learning_form", { enum: ["formal", "non-formal", "informal"] })
    .notNull()
    .default("formal"),
  themes: text("themes").array().notNull().default(sql`'{}'::text[]`),
});

export const certificates = pgTable(
  "certificates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Printed on the certificate; anyone with it can check authenticity. */
    code: text("code").notNull().unique(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    memberId: uuid("member_id").references(() => networkMembers.id, { onDelete: "set null" }),
    networkId: uuid("network_id").references(() => networks.id, { onDelete: "set null" }),
    participantName: text("participant_name").notNull(),
    title: text("title").notNull(),
    routeName: text("route_name").notNull(),
    provider: text("provider").notNull(),
    startDate: date("start_date").notNull(),
    endDate: date("end_date").notNull(),
    hours: integer("hours").notNull(),
    points: integer("points").notNull(),
    themes: text("themes").array().notNull().default(sql`'{}'::text[]`),
    issuedAt: timestamp("issued_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedReason: text("revoked_reason").notNull().default(""),
  },
  (table) => [
    index("certificates_network_idx").on(table.networkId),
    index("certificates_user_idx").on(table.userId),
    // One live certificate per membership.
    uniqueIndex("certificates_member_live_unique")
      .on(table.memberId)
      .where(sql`${table.revokedAt} is null`),
  ],
);

/** Points in a person's ledger: from a completed route (with its certificate) or entered by themself. */
export const registerActivities = pgTable(
  "register_activities",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    source: text("source", { enum: ["route", "external", "valuation", "catalogue"] }).notNull(),
    title: text("title").notNull(),
    provider: text("provider").notNull().default(""),
    learningForm: text("learning_form", { enum: ["formal", "non-formal", "informal"] }).notNull(),
    startDate: date("start_date").notNull(),
    endDate: date("end_date").notNull(),
    hours: integer("hours"),
    points: integer("points").notNull(),
    themes: text("themes").array().notNull().default(sql`'{}'::text[]`),
    evidence: text("evidence").notNull().default(""),
    evidenceFileId: uuid("evidence_file_id").references(() => storedFiles.id, {
      onDelete: "set null",
    }),
    certificateId: uuid("certificate_id").references(() => certificates.id, {
      onDelete: "set null",
    }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("register_activities_user_idx").on(table.userId, table.endDate),
    // The same activity on the same dates is a duplicate entry.
    uniqueIndex("register_activities_duplicate_unique").on(
      table.userId,
      sql`lower(${table.title})`,
      table.startDate,
      table.endDate,
    ),
  ],
);

/** Who changed a ledger other than its owner (a provider issuing or revoking), without content. */
export const registerAudit = pgTable(
  "register_audit",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    action: text("action", { enum: ["certificate-issued", "certificate-revoked"] }).notNull(),
    certificateId: uuid("certificate_id").references(() => certificates.id, {
      onDelete: "set null",
    }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("register_audit_user_idx").on(table.userId)],
);
