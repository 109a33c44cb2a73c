import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { getTableConfig, PgTable, type PgTableWithColumns } from "drizzle-orm/pg-core";
import { describe, expect, test } from "vitest";
import * as accountsSchema from "#app/db/schema/accounts.ts";
import * as coursesSchema from "#app/db/schema/courses.ts";
import * as discussionSchema from "#app/db/schema/discussion.ts";
import * as evaluationSchema from "#app/db/schema/evaluation.ts";
import * as meetingsSchema from "#app/db/schema/meetings.ts";
import * as networksSchema from "#app/db/schema/networks.ts";
import * as notificationsSchema from "#app/db/schema/notifications.ts";
import * as organisationsSchema from "#app/db/schema/organisations.ts";
import * as peergroupsSchema from "#app/db/schema/peergroups.ts";
import * as platformSchema from "#app/db/schema/platform.ts";
import * as regionsSchema from "#app/db/schema/regions.ts";
import * as registerSchema from "#app/db/schema/register.ts";
import * as toolkitSchema from "#app/db/schema/toolkit.ts";
import type { PersonalDataDeclaration, RegisterText } from "#app/platform/personal-data.ts";
import { personalDataProviders, personalDataRegister } from "./register.server.ts";

/*
 * The register is complete: every table that holds something about a person is declared by the
 * module that owns it, with the columns that refer to or describe the person. Run
 *   npx vitest run app/modules/privacy/register.test.ts --project pglite
 * and the failure lists what is missing, per module.
 *
 * Which columns refer to a person (the heuristic, in the order it is applied):
 * A. a foreign key to users.id (author, member, voter, whoever recorded or decided something);
 * B. a uuid column without a foreign key whose name says it is a person (`uploaded_by`,
 *    `actor_id`, `*_user_id` …): kept without a key on purpose (audit rows outlive the row they
 *    name), but a person all the same;
 * C. a foreign key to a row that is one person's own (their membership, learning question,
 *    conversation, scan, action plan, survey response, submission, held mail, a person on a
 *    network analysis): the child row (a revision, a score, a slot, an answer) is theirs too;
 * D. the known columns that name or describe a person without any key: the account itself
 *    (e-mail, name, password hash, bio, function …), sessions' IP address and user agent, the
 *    identity provider's subject and claims, the outbox's recipient and body, inbound mail's
 *    sender, rate limits' key (it holds an e-mail address or an IP address), a job's payload (it
 *    carries user ids and addresses), stored files (uploader, name, content), a meeting's speaker,
 *    people outside the platform named on a network analysis, a certificate's printed name;
 * E. in a table a person writes in as its author (A or B on an author-like column: author,
 *    user, case owner, sender), the free-text columns they wrote (body, text, note, motivation,
 *    reflection …): what a person wrote is about them as much as their name is.
 * Deliberately not personal: rows with only `created_by` on a shared thing (a network, a theme:
 *    the creator column is declared, the network's description is not the person's), and
 *    anonymous poll ballots (poll_ballots has no link to a voter; poll_voters is declared by A).
 */

type AnyTable = PgTableWithColumns<never>;

/** Which module owns the tables of a schema file; `*` means any module, but only one. */
const schemaFiles: Record<string, { module: string; tables: Record<string, unknown> }> = {
  accounts: { module: "accounts", tables: accountsSchema },
  courses: { module: "courses", tables: coursesSchema },
  discussion: { module: "discussion", tables: discussionSchema },
  evaluation: { module: "evaluation", tables: evaluationSchema },
  meetings: { module: "meetings", tables: meetingsSchema },
  networks: { module: "networks", tables: networksSchema },
  notifications: { module: "notifications", tables: notificationsSchema },
  organisations: { module: "organisations", tables: organisationsSchema },
  peergroups: { module: "peergroups", tables: peergroupsSchema },
  // The platform's tables belong to no module: the one whose rules cover them declares them.
  platform: { module: "*", tables: platformSchema },
  regions: { module: "organisations", tables: regionsSchema },
  register: { module: "register", tables: registerSchema },
  toolkit: { module: "toolkit", tables: toolkitSchema },
};

/** Tables a schema file holds for another module (who writes them, app/modules/*). */
const ownerOverrides: Record<string, readonly string[]> = {
  learning_questions: ["progress"],
  learning_question_revisions: ["progress"],
  step_completions: ["progress"],
  conversations: ["progress"],
  conversation_slots: ["progress"],
  calendar_settings: ["calendar"],
  reminders_sent: ["calendar", "meetings"],
  network_members: ["memberships"],
  waiting_list: ["memberships"],
  buddy_groups: ["peergroups"],
  buddy_group_members: ["peergroups"],
  data_exports: ["accounts"],
};

/** Rule C: rows that are one person's own. */
const personRows = new Set([
  "network_members",
  "waiting_list",
  "learning_questions",
  "conversations",
  "self_scans",
  "action_plans",
  "survey_responses",
  "submissions",
  "held_inbound_mails",
  "analysis_items",
]);

/** Rule B: a uuid column named as a person. */
const personNamed =
  /^(user|author|actor|owner|creator|voter|sender|recipient)_id$|^[a-z_]+_user_id$|_by$/;

/** Rule D: columns that name or describe a person without a key. */
const knownPersonal: Record<string, readonly string[]> = {
  users: [
    "email",
    "name",
    "password_hash",
    "bio",
    "job_function",
    "job_function_other",
    "pending_email",
    "last_active_at",
  ],
  sessions: ["ip_address", "user_agent", "sso_id_token"],
  user_identities: ["subject", "email", "home_organisation"],
  sso_flows: ["claims", "id_token"],
  outbox: ["to", "subject", "text", "html", "reply_to", "headers"],
  inbound_mails: ["sender", "recipient"],
  rate_limits: ["key"],
  jobs: ["payload"],
  stored_files: ["uploaded_by", "name", "content"],
  meetings: ["speaker_name", "speaker_invited_by"],
  analysis_items: ["label", "email", "story"],
  programme_pilots: ["participants"],
  certificates: ["participant_name"],
  held_inbound_mails: ["title", "body"],
};

/** Rule E: who wrote the row, and what they wrote. */
const notAuthored: Record<string, readonly string[]> = {
  // user_id is the holder; the title is the course's, printed on the certificate
  certificates: ["title"],
};
const authorColumn = /^(author_id|user_id|case_owner_id|sender)$/;
const freeText =
  /^(body|text|note|story|motivation|reflection|answer|question|summary|insight|next_step|remarks|evidence|goal|title|description|caught_up_reason|decision_message|nomination_note|learning_question_draft|case_title|case_text|private_note|shared_summary|other|place)$/;

type TableInfo = {
  name: string;
  file: string;
  columns: Map<string, string>;
  config: ReturnType<typeof getTableConfig>;
};

const tables = new Map<string, TableInfo>();
for (const [file, { tables: exports }] of Object.entries(schemaFiles)) {
  for (const value of Object.values(exports)) {
    if (!(value instanceof PgTable)) continue;
    const config = getTableConfig(value as AnyTable);
    tables.set(config.name, {
      name: config.name,
      file,
      config,
      columns: new Map(config.columns.map((c) => [c.name, c.getSQLType()])),
    });
  }
}

/** The columns of one table that refer to or describe a person, with the rule that found each. */
function personalColumns(table: TableInfo): Map<string, string> {
  const found = new Map<string, string>();
  const fkTargets = new Map<string, string>();
  for (const fk of table.config.foreignKeys) {
    const reference = fk.reference();
    const target = getTableConfig(reference.foreignTable).name;
    for (const column of reference.columns) fkTargets.set(column.name, target);
  }
  for (const [column, target] of fkTargets) {
    if (target === "users") found.set(column, "A: verwijst naar users");
    else if (personRows.has(target))
      found.set(column, `C: verwijst naar een eigen rij (${target})`);
  }
  for (const [column, type] of table.columns) {
    if (type === "uuid" && !fkTargets.has(column) && personNamed.test(column) && column !== "id") {
      found.set(column, "B: uuid met de naam van een persoon");
    }
  }
  for (const column of knownPersonal[table.name] ?? []) {
    if (!found.has(column)) found.set(column, "D: bekend persoonsgegeven");
  }
  const authored = [...found.keys()].some((column) => authorColumn.test(column));
  if (authored) {
    for (const [column, type] of table.columns) {
      if (
        type === "text" &&
        freeText.test(column) &&
        !found.has(column) &&
        !notAuthored[table.name]?.includes(column)
      ) {
        found.set(column, "E: vrije tekst van de auteur");
      }
    }
  }
  return found;
}

function ownersOf(table: TableInfo): readonly string[] | "*" {
  const override = ownerOverrides[table.name];
  if (override) return override;
  const module = schemaFiles[table.file]?.module ?? "?";
  return module === "*" ? "*" : [module];
}

type Declared = { module: string; declaration: PersonalDataDeclaration };
const declared: Declared[] = personalDataRegister.flatMap((module) =>
  module.declarations.map((declaration) => ({ module: module.module, declaration })),
);

describe("the personal-data register", () => {
  test("the schema walk finds the tables (the heuristic has something to judge)", () => {
    expect(tables.size).toBeGreaterThan(100);
    expect(personalColumns(tables.get("discussion_posts") as TableInfo).get("author_id")).toMatch(
      /^A/,
    );
    expect(personalColumns(tables.get("stored_files") as TableInfo).has("uploaded_by")).toBe(true);
    expect(
      personalColumns(tables.get("learning_question_revisions") as TableInfo).has("question_id"),
    ).toBe(true);
    expect(personalColumns(tables.get("poll_ballots") as TableInfo).size).toBe(0);
  });

  test("every table with a column that refers to a person is declared, with those columns", () => {
    const columnsDeclared = new Map<string, Set<string>>();
    for (const { declaration } of declared) {
      const set = columnsDeclared.get(declaration.table) ?? new Set<string>();
      for (const column of declaration.columns) set.add(column);
      columnsDeclared.set(declaration.table, set);
    }
    const missing = new Map<string, string[]>();
    for (const table of [...tables.values()].sort((a, b) => a.name.localeCompare(b.name))) {
      const personal = personalColumns(table);
      if (personal.size === 0) continue;
      const owners = ownersOf(table);
      const who = owners === "*" ? "(platform: één module naar keuze)" : owners.join(" of ");
      const have = columnsDeclared.get(table.name);
      const lacking = [...personal].filter(([column]) => !have?.has(column));
      if (lacking.length === 0) continue;
      const lines = missing.get(who) ?? [];
      lines.push(
        `  ${table.name}${have ? "" : " (tabel ontbreekt)"}: ${lacking.map(([column, why]) => `${column} [${why}]`).join(", ")}`,
      );
      missing.set(who, lines);
    }
    const report = [...missing].map(([who, lines]) => `${who}:\n${lines.join("\n")}`).join("\n");
    expect(report, `Niet in het register (per module die ze moet declareren):\n${report}`).toBe("");
  });

  test("every declared table and column exists", () => {
    const wrong: string[] = [];
    for (const { module, declaration } of declared) {
      const table = tables.get(declaration.table);
      if (!table) {
        wrong.push(`${module}: tabel ${declaration.table} bestaat niet`);
        continue;
      }
      for (const column of declaration.columns) {
        if (!table.columns.has(column)) {
          wrong.push(`${module}: kolom ${declaration.table}.${column} bestaat niet`);
        }
      }
      if (declaration.columns.length === 0)
        wrong.push(`${module}: ${declaration.table} noemt geen kolommen`);
    }
    expect(wrong).toEqual([]);
  });

  test("a module declares only tables it owns, and no table is declared by two modules", () => {
    const wrong: string[] = [];
    const declaredBy = new Map<string, Set<string>>();
    for (const { module, declaration } of declared) {
      const set = declaredBy.get(declaration.table) ?? new Set<string>();
      set.add(module);
      declaredBy.set(declaration.table, set);
      const table = tables.get(declaration.table);
      if (!table) continue;
      const owners = ownersOf(table);
      if (owners !== "*" && !owners.includes(module)) {
        wrong.push(`${module} declareert ${declaration.table}, van ${owners.join(" of ")}`);
      }
    }
    for (const [table, modules] of declaredBy) {
      if (modules.size > 1)
        wrong.push(`${table} is gedeclareerd door ${[...modules].join(" en ")}`);
    }
    expect(wrong).toEqual([]);
  });

  test("every declaration says in Dutch and English what, why, from whom, how long and what erasure does", () => {
    const empty = (text: RegisterText) => !text.nl.trim() || !text.en.trim();
    const wrong: string[] = [];
    for (const module of personalDataRegister) {
      if (empty(module.description)) wrong.push(`${module.module}: description`);
      for (const d of module.declarations) {
        for (const field of ["data", "purpose", "source", "retention"] as const) {
          if (empty(d[field])) wrong.push(`${module.module}: ${d.table}.${field}`);
        }
        // delete needs no explanation; anonymise and keep say what remains and why
        if (d.erasure !== "delete" && empty(d.erasureNote)) {
          wrong.push(`${module.module}: ${d.table}.erasureNote (${d.erasure})`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  test("every module with a register file is in the register and has export/erase rules, and no more", () => {
    const modulesDir = fileURLToPath(new URL("../", import.meta.url));
    const withFile = readdirSync(modulesDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .filter((entry) =>
        readdirSync(`${modulesDir}/${entry.name}`).includes("personal-data.server.ts"),
      )
      .map((entry) => entry.name)
      .sort();
    const inRegister = personalDataRegister.map((m) => m.module).sort();
    const withProvider = personalDataProviders.map((p) => p.module).sort();
    expect(inRegister).toEqual(withFile);
    expect(withProvider).toEqual(inRegister);
    expect(new Set(inRegister).size).toBe(inRegister.length);
    // accounts holds the tombstone the others point to: it is erased last
    expect(personalDataProviders.at(-1)?.module).toBe("accounts");
  });
});
