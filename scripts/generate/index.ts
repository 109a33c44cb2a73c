// Fills every table a member page reads, at the scale of one school, the country or ten
// countries. Rows are written by the database (INSERT … SELECT over generate_series) from word
// lists and hashes of the seed, so it is fast and the same seed gives the same data.
import { asc, eq } from "drizzle-orm";
import type { Db } from "../../app/db/client.server.ts";
import {
  intervisionMethods,
  networks,
  professionalThemes,
  programmes,
  regions,
  users,
} from "../../app/db/schema/index.ts";
import { hashPassword } from "../../app/modules/accounts/passwords.server.ts";
import { generateDiscussion } from "./discussion.ts";
import { generateEvaluation } from "./evaluation.ts";
import { generateMeetings } from "./meetings.ts";
import { Gen, type Progress, type Scale, sizesFor } from "./model.ts";
import { generateApplications, generateMemberships, generateNetworks } from "./networks.ts";
import { type Context, generateOrganisations, generatePeople } from "./organisations.ts";
import { generatePeerGroups } from "./peergroups.ts";
import { generatePersonas, personas } from "./personas.ts";
import { generateRegister } from "./register.ts";
import { generateToolkit } from "./toolkit.ts";

export type { Progress, Scale };
export { personas, sizesFor };

export const generatedPassword = "knooppunt-demo-2026";

export interface GenerateOptions {
  seed?: number;
  onProgress?: (progress: Progress) => void;
  /** multiplies the country (schools, people, networks) of the scale, e.g. 0.1 for a tenth */
  factor?: number;
}

export interface GenerateResult {
  personas: { member: string; facilitator: string; coordinator: string; schoolLeader: string };
  largeNetworkId: string;
  counts: Record<string, number>;
}

/** Rows per table in the whole database (demo data included). */
export async function countRows(db: Db): Promise<Record<string, number>> {
  const gen = new Gen(db, 0, sizesFor("school"), () => {});
  const { rows } = await gen.query<{ table_name: string }>(
    `select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const counts: Record<string, number> = {};
  for (const { table_name: table } of rows) {
    const result = await gen.query<{ n: string | number }>(`select count(*) as n from "${table}"`);
    counts[table] = Number(result.rows[0]?.n ?? 0);
  }
  return counts;
}

/** What an earlier run generated into this database, or null when it holds no generated data. */
export async function existingGeneration(db: Db): Promise<GenerateResult | null> {
  const [member] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, personas.member));
  if (!member) return null;
  const gen = new Gen(db, 0, sizesFor("school"), () => {});
  const { rows } = await gen.query<{ network_id: string }>(
    `select m.network_id from network_members m join networks n on n.id = m.network_id
     where m.user_id = '${member.id}' order by (select count(*) from network_members x where x.network_id = m.network_id) desc limit 1`,
  );
  return {
    personas: { ...personas },
    largeNetworkId: rows[0]?.network_id ?? "",
    counts: await countRows(db),
  };
}

export async function generate(
  db: Db,
  scale: Scale,
  options: GenerateOptions = {},
): Promise<GenerateResult> {
  const seed = Math.trunc(options.seed ?? 1);
  const size = sizesFor(scale, options.factor ?? 1);
  const gen = new Gen(db, seed, size, options.onProgress ?? (() => {}));
  if (await existingGeneration(db)) {
    throw new Error(
      `Deze database bevat al gegenereerde gegevens (${personas.member} bestaat). Genereer in een lege database.`,
    );
  }
  const ctx: Context = {
    regionIds: (await db.select({ id: regions.id }).from(regions).orderBy(asc(regions.name))).map(
      (r) => r.id,
    ),
    programmeIds: (
      await db.select({ id: programmes.id }).from(programmes).orderBy(asc(programmes.name))
    ).map((p) => p.id),
    passwordHash: await hashPassword(generatedPassword),
    professionalThemes: (
      await db
        .select({ name: professionalThemes.name })
        .from(professionalThemes)
        .orderBy(asc(professionalThemes.position), asc(professionalThemes.name))
    ).map((t) => t.name),
    methodIds: (
      await db
        .select({ id: intervisionMethods.id })
        .from(intervisionMethods)
        .orderBy(asc(intervisionMethods.name))
    ).map((m) => m.id),
  };
  const coordinatorProgrammeId = await programmeForCoordinator(db);
  if (!ctx.programmeIds.includes(coordinatorProgrammeId))
    ctx.programmeIds.push(coordinatorProgrammeId);

  // One transaction: a failed run leaves nothing half-made, and JIT (seconds of compiling per
  // statement for these wide expressions on PostgreSQL) is switched off for it alone.
  await db.transaction(async (tx) => {
    const gen = new Gen(tx, seed, size, options.onProgress ?? (() => {}));
    await gen.query("set local jit = off");
    await generateOrganisations(gen, ctx);
    await generatePeople(gen, ctx);
    await generateNetworks(gen, ctx, coordinatorProgrammeId);
    await generateMemberships(gen);
    await generateApplications(gen);
    await generateMeetings(gen);
    await generateDiscussion(gen);
    await generatePeerGroups(gen, ctx);
    await generateToolkit(gen);
    await generateEvaluation(gen);
    await generateRegister(gen, ctx);
    await generatePersonas(gen, ctx, coordinatorProgrammeId);
  });
  gen.onProgress({ table: "analyze", done: 0, total: 1 });
  // Fresh statistics, so the planner (and the EXPLAIN test) sees the tables as they now are.
  await gen.query("analyze");
  gen.onProgress({ table: "analyze", done: 1, total: 1 });

  const [large] = await db
    .select({ id: networks.id })
    .from(networks)
    .where(eq(networks.id, gen.idValue("nw", 0)));
  if (!large) throw new Error("het grote netwerk ontbreekt na het genereren");
  return { personas: { ...personas }, largeNetworkId: large.id, counts: await countRows(db) };
}

/** The coordinator persona coordinates the VO-academie (from the demo data), else a new programme. */
async function programmeForCoordinator(db: Db) {
  const [academy] = await db
    .select({ id: programmes.id })
    .from(programmes)
    .where(eq(programmes.name, "VO-academie"));
  if (academy) return academy.id;
  const [created] = await db
    .insert(programmes)
    .values({ name: "Programma netwerkleren (gegenereerd)", kind: "programme" })
    .onConflictDoNothing()
    .returning({ id: programmes.id });
  if (created) return created.id;
  const [existing] = await db
    .select({ id: programmes.id })
    .from(programmes)
    .where(eq(programmes.name, "Programma netwerkleren (gegenereerd)"));
  if (!existing) throw new Error("geen programma voor de coördinator");
  return existing.id;
}
