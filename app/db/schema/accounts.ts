import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { storedFiles } from "./platform.ts";
import { regions } from "./regions.ts";
import { trigramIndex } from "./search.ts";

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash"),
    emailVerifiedAt: timestamp("email_verified_at", { withTimezone: true }),
    isPlatformAdmin: boolean("is_platform_admin").notNull().default(false),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    jobFunction: text("job_function"),
    jobFunctionOther: text("job_function_other"),
    bio: text("bio").notNull().default(""),
    regionId: uuid("region_id").references(() => regions.id, { onDelete: "set null" }),
    locale: text("locale").notNull().default("nl"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** Last login or request (touched at most hourly); the inactivity retention rule counts from here. */
    lastActiveAt: timestamp("last_active_at", { withTimezone: true }).notNull().defaultNow(),
    /** When the "your account will be erased for inactivity" warning went out; cleared by activity. */
    inactivityWarnedAt: timestamp("inactivity_warned_at", { withTimezone: true }),
    /** Set when the account was erased (AVG art. 17): the row stays as an "oud-lid" tombstone. */
    erasedAt: timestamp("erased_at", { withTimezone: true }),
    /** A new address waiting for its confirmation mail; `email` changes only when it is confirmed. */
    pendingEmail: text("pending_email"),
    /** The profile photo (resized, metadata stripped); without one, initials are shown. */
    avatarFileId: uuid("avatar_file_id").references(() => storedFiles.id, { onDelete: "set null" }),
    /**
     * Where the welcome after confirming the address stands ("function", "school", "expertise",
     * "networks", "calendar"); null when finished, skipped or never started (accounts from before).
     */
    onboardingStep: text("onboarding_step"),
    /**
     * Name and expertise folded for "contains" search (see search.ts), one per line, so one
     * trigram index answers "who is called or knows …". Kept by triggers on users (a new
     * person, a changed name) and user_expertise (migrations 0025, 0026); never write it.
     */
    searchText: text("search_text").notNull().default(""),
  },
  (table) => [
    uniqueIndex("users_email_unique").on(sql`lower(${table.email})`),
    trigramIndex("users_search_text_trgm", table.searchText),
    // The people list: enabled accounts in name order, a page at a time.
    index("users_name_idx").on(table.name, table.id).where(sql`${table.disabledAt} is null`),
    // The retention jobs: accounts never verified, and accounts inactive for years.
    index("users_unverified_idx")
      .on(table.createdAt)
      .where(sql`${table.emailVerifiedAt} is null and ${table.erasedAt} is null`),
    index("users_last_active_idx").on(table.lastActiveAt).where(sql`${table.erasedAt} is null`),
  ],
);

export const sessions = pgTable(
  "sessions",
  {
    idHash: text("id_hash").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    userAgent: text("user_agent").notNull().default(""),
    ipAddress: text("ip_address").notNull().default(""),
    /** The identity provider this session logged in through (key of the configured provider), for its logout. */
    ssoProvider: text("sso_provider"),
    /** The provider's ID token, kept only as `id_token_hint` for RP-initiated logout. */
    ssoIdToken: text("sso_id_token"),
  },
  (table) => [index("sessions_user_idx").on(table.userId)],
);

export const authTokens = pgTable(
  "auth_tokens",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: text("purpose", {
      enum: [
        "verify-email",
        "reset-password",
        "magic-link",
        "change-email",
        // the same, started by a platform admin: its confirmation also ends every session
        "change-email-admin",
        "link-identity",
        "reauthenticated",
        // the cookie of the browser that registered: the verification link signs in only there
        "registration-browser",
      ],
    }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("auth_tokens_user_idx").on(table.userId)],
);

export const expertiseTags = pgTable(
  "expertise_tags",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
  },
  (table) => [uniqueIndex("expertise_tags_name_unique").on(sql`lower(${table.name})`)],
);

export const userExpertise = pgTable(
  "user_expertise",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tagId: uuid("tag_id")
      .notNull()
      .references(() => expertiseTags.id, { onDelete: "cascade" }),
  },
  (table) => [
    primaryKey({ columns: [table.userId, table.tagId] }),
    index("user_expertise_tag_idx").on(table.tagId),
  ],
);

/**
 * A login at an OpenID provider linked to an account. The key is (provider, subject): SURFconext's
 * pairwise `sub`, Entree's `uid`; never the e-mail address, which the provider may not vouch for.
 */
export const userIdentities = pgTable(
  "user_identities",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** the configured provider's key ("surfconext", "entree", …) */
    provider: text("provider").notNull(),
    subject: text("subject").notNull(),
    /** the e-mail address the provider gave at the last login, if any (shown on the account page) */
    email: text("email"),
    /** the institution the provider named: BRIN (Entree) or home organisation domain (SURFconext) */
    homeOrganisation: text("home_organisation"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastLoginAt: timestamp("last_login_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("user_identities_provider_subject_unique").on(table.provider, table.subject),
    index("user_identities_user_idx").on(table.userId),
  ],
);

/**
 * An OpenID login under way: the state, nonce and PKCE verifier live here (the app processes are
 * stateless) under the hash of a random id held in a short cookie. After the callback a login that
 * still needs something from the person (an e-mail address Entree did not give, a confirmation of a
 * link) keeps the verified claims here until it is finished or expires.
 */
export const ssoFlows = pgTable(
  "sso_flows",
  {
    idHash: text("id_hash").primaryKey(),
    provider: text("provider").notNull(),
    /** "reauth": a logged-in person proves it is them again (before erasure) through their provider */
    purpose: text("purpose", { enum: ["login", "link", "reauth"] }).notNull(),
    state: text("state").notNull(),
    nonce: text("nonce").notNull(),
    codeVerifier: text("code_verifier").notNull(),
    returnTo: text("return_to"),
    /** for "link": the logged-in account the identity is to be added to */
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    /** the verified, mapped claims once the callback succeeded and the login waits for the person */
    claims: jsonb("claims").$type<Record<string, unknown>>(),
    idToken: text("id_token"),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("sso_flows_expires_idx").on(table.expiresAt)],
);

/** A person's data export (AVG art. 15/20): prepared by a job, a ZIP in stored_files when ready. */
export const dataExports = pgTable(
  "data_exports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    status: text("status", { enum: ["pending", "running", "ready", "failed"] })
      .notNull()
      .default("pending"),
    /** 0–100, written by the job as it goes through the modules */
    progress: integer("progress").notNull().default(0),
    /** the module the job is working on, for the progress line */
    step: text("step"),
    fileId: uuid("file_id"),
    error: text("error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    readyAt: timestamp("ready_at", { withTimezone: true }),
    /** the ZIP is deleted after this (it holds everything about the person) */
    expiresAt: timestamp("expires_at", { withTimezone: true }),
  },
  (table) => [index("data_exports_user_idx").on(table.userId, table.createdAt)],
);
