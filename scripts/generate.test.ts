import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "#app/db/client.server.ts";
import { authenticate } from "#app/modules/accounts/accounts.server.ts";
import { createTestDatabase } from "../tests/test-database.ts";
import { type GenerateResult, generate, generatedPassword } from "./generate.ts";
import { seedDemoData } from "./seed.ts";

async function rows<T>(db: Db, query: ReturnType<typeof sql>) {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}
async function one(db: Db, query: ReturnType<typeof sql>) {
  const [row] = await rows<{ n: string | number }>(db, query);
  return Number(row?.n ?? 0);
}

/** What two runs must agree on: names, titles and every count. */
async function fingerprint(db: Db, counts: Record<string, number>) {
  const [row] = await rows<Record<string, string>>(
    db,
    sql`select
      (select md5(string_agg(name, '|' order by email)) from users where email like '%@generated.test') as people,
      (select md5(string_agg(name || kind || coalesce(sector, ''), '|' order by name, kind, sector)) from organisations) as organisations,
      (select md5(string_agg(name || status || openness || array_to_string(themes, ','), '|' order by name, id)) from networks) as networks,
      (select md5(string_agg(title || body, '|' order by title, body)) from discussion_topics) as topics,
      (select md5(string_agg(body, '|' order by body)) from discussion_posts) as posts,
      (select md5(string_agg(title, '|' order by title)) from kennisweb_items) as kennisweb`,
  );
  return { ...row, counts };
}

describe("generate --scale school", () => {
  let first: Database;
  let result: GenerateResult;
  let db: Db;

  beforeAll(async () => {
    first = await createTestDatabase();
    db = first.db;
    await seedDemoData(db);
    result = await generate(db, "school", { seed: 7 });
  }, 120_000);
  afterAll(() => first?.close());

  it("lets the member persona sign in with the demo password", async () => {
    const outcome = await authenticate(
      db,
      { email: result.personas.member, password: generatedPassword },
      { baseUrl: "http://localhost", ipAddress: "127.0.0.1", locale: "nl" },
    );
    expect(outcome.kind).toBe("ok");
  });

  it("puts the member in a large network with meetings, topics, posts, a buddy and an intervision group", async () => {
    const network = result.largeNetworkId;
    const member = sql`(select id from users where email = ${result.personas.member})`;
    expect(
      await one(
        db,
        sql`select count(*) as n from network_members where network_id = ${network} and user_id = ${member} and status = 'active'`,
      ),
    ).toBe(1);
    expect(
      await one(
        db,
        sql`select count(*) as n from network_members where network_id = ${network} and status = 'active'`,
      ),
    ).toBeGreaterThanOrEqual(200);
    const past = await one(
      db,
      sql`select count(*) as n from meetings where network_id = ${network} and starts_at < now()`,
    );
    const future = await one(
      db,
      sql`select count(*) as n from meetings where network_id = ${network} and starts_at > now()`,
    );
    expect(past).toBeGreaterThan(10);
    expect(future).toBeGreaterThan(3);
    expect(
      await one(db, sql`select count(*) as n from discussion_posts where network_id = ${network}`),
    ).toBeGreaterThanOrEqual(2000);
    expect(
      await one(
        db,
        sql`select count(*) as n from buddy_group_members where network_id = ${network} and user_id = ${member}`,
      ),
    ).toBe(1);
    expect(
      await one(
        db,
        sql`select count(*) as n from intervision_group_members m join intervision_groups g on g.id = m.group_id
            where g.network_id = ${network} and m.user_id = ${member}`,
      ),
    ).toBe(1);
    expect(
      await one(
        db,
        sql`select coalesce(sum(points), 0) as n from register_activities where user_id = ${member}`,
      ),
    ).toBeGreaterThan(0);
    expect(
      await one(
        db,
        sql`select count(*) as n from attendance a join meetings m on m.id = a.meeting_id
            where m.network_id = ${network} and a.user_id = ${member}`,
      ),
    ).toBe(past);
  });

  it("gives the other personas their roles", async () => {
    const network = result.largeNetworkId;
    const id = (email: string) => sql`(select id from users where email = ${email})`;
    expect(
      await one(
        db,
        sql`select count(*) as n from network_members where network_id = ${network}
            and user_id = ${id(result.personas.facilitator)} and role = 'penvoerder' and status = 'active'`,
      ),
    ).toBe(1);
    expect(
      await one(
        db,
        sql`select count(*) as n from programme_coordinators c join networks n on n.programme_id = c.programme_id
            where c.user_id = ${id(result.personas.coordinator)} and n.id = ${network}`,
      ),
    ).toBe(1);
    const leader = id(result.personas.schoolLeader);
    expect(
      await one(
        db,
        sql`select count(*) as n from themes t join organisation_members m on m.organisation_id = t.space_id
            where t.space_kind = 'organisation' and m.user_id = ${leader} and m.status = 'confirmed'`,
      ),
    ).toBeGreaterThan(0);
    expect(
      await one(db, sql`select count(*) as n from register_activities where user_id = ${leader}`),
    ).toBeGreaterThan(0);
  });

  it("fills every table a member page reads", () => {
    for (const table of [
      "organisations",
      "users",
      "organisation_members",
      "user_expertise",
      "networks",
      "network_members",
      "waiting_list",
      "meetings",
      "meeting_programme_items",
      "attendance",
      "discussion_topics",
      "discussion_posts",
      "buddy_groups",
      "intervision_groups",
      "intervision_sessions",
      "register_profiles",
      "register_activities",
      "certificates",
      "initiatives",
      "themes",
      "network_analyses",
      "kennisweb_items",
      "surveys",
      "survey_answers",
      "harvest_outcomes",
    ])
      expect(result.counts[table], table).toBeGreaterThan(0);
  });

  it("makes generated items findable by Dutch full-text search", async () => {
    const words = "formatief evalueren";
    const q = sql`plainto_tsquery('dutch', ${words})`;
    const generated = {
      networks: await one(
        db,
        sql`select count(*) as n from networks where to_tsvector('dutch', name || ' ' || question || ' ' || description) @@ ${q}`,
      ),
      topics: await one(
        db,
        sql`select count(*) as n from discussion_topics where to_tsvector('dutch', title || ' ' || body) @@ ${q}`,
      ),
      posts: await one(
        db,
        sql`select count(*) as n from discussion_posts where to_tsvector('dutch', body) @@ plainto_tsquery('dutch', 'toetsing')`,
      ),
      practices: await one(
        db,
        sql`select count(*) as n from harvest_outcomes where to_tsvector('dutch', title || ' ' || answer) @@ plainto_tsquery('dutch', 'leesbevordering')`,
      ),
      kennisweb: await one(
        db,
        sql`select count(*) as n from kennisweb_items where to_tsvector('dutch', title || ' ' || body) @@ ${q}`,
      ),
    };
    for (const [kind, n] of Object.entries(generated)) expect(n, kind).toBeGreaterThan(0);
  });

  it("gives the same names and counts for the same seed", async () => {
    const second = await createTestDatabase();
    try {
      await seedDemoData(second.db);
      const again = await generate(second.db, "school", { seed: 7 });
      expect(await fingerprint(second.db, again.counts)).toEqual(
        await fingerprint(db, result.counts),
      );
      await expect(generate(second.db, "school", { seed: 7 })).rejects.toThrow(/al gegenereerde/);
    } finally {
      await second.close();
    }
  }, 120_000);
});
