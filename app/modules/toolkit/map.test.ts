import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#app/db/client.server.ts";
import { createTestDatabase } from "../../../tests/test-database.ts";
import { addItem, analysisTable, startAnalysis, updateSchakel } from "./analysis.server.ts";
import { createInitiative } from "./initiatives.server.ts";
import { knowledgeMap } from "./map.server.ts";
import { layoutMap } from "./map-layout.ts";
import { authorizeSpace } from "./space-access.server.ts";
import { setupSchoolWithTheme } from "./toolkit.fixtures.ts";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.close();
});

const school = () => setupSchoolWithTheme(database.db);

describe("knowledge map", () => {
  it("links people, initiatives, themes and expertise, and filters by theme", async () => {
    const { db, id, schakel, colleague, themeId } = await school();
    await createInitiative(db, await authorizeSpace(db, colleague, "organisation", id), {
      name: "Plusklas",
      goal: "Uitdaging voor wie meer kan",
      forWhom: "",
      valueForOthers: "",
      plan: "stappenplan",
      themeIds: [themeId],
    });
    await createInitiative(db, await authorizeSpace(db, schakel, "organisation", id), {
      name: "Roosterproef",
      goal: "Een ander rooster uitproberen",
      forWhom: "",
      valueForOthers: "",
      plan: "btg",
      themeIds: [],
    });
    const all = await knowledgeMap(db, await authorizeSpace(db, colleague, "organisation", id));
    expect(
      all.nodes
        .filter((n) => n.kind === "initiative")
        .map((n) => n.label)
        .sort(),
    ).toEqual(["Plusklas", "Roosterproef"]);
    expect(all.links).toContainEqual({
      from: `p:${schakel.userId}`,
      to: `t:${themeId}`,
      kind: "schakel",
    });
    const filtered = await knowledgeMap(
      db,
      await authorizeSpace(db, colleague, "organisation", id),
      { themeId },
    );
    expect(filtered.nodes.map((n) => n.label)).not.toContain("Roosterproef");
    expect(filtered.nodes.map((n) => n.label)).toContain("Plusklas");
    // by team: the colleague's team sees the colleague and the Plusklas, not the schakel's Roosterproef
    const { organisationMembers } = await import("#app/db/schema/index.ts");
    const { and, eq } = await import("drizzle-orm");
    await db
      .update(organisationMembers)
      .set({ team: "Team bovenbouw" })
      .where(
        and(
          eq(organisationMembers.organisationId, id),
          eq(organisationMembers.userId, colleague.userId),
        ),
      );
    const team = await knowledgeMap(db, await authorizeSpace(db, colleague, "organisation", id), {
      team: "Team bovenbouw",
    });
    expect(team.teams).toEqual(["Team bovenbouw"]);
    expect(team.nodes.map((n) => n.label)).toContain("Plusklas");
    expect(team.nodes.map((n) => n.label)).not.toContain("Roosterproef");
    expect(team.nodes.filter((n) => n.kind === "person")).toHaveLength(1);
  });

  it("lays out 5 000 nodes and 20 000 links without piling nodes on one spot", () => {
    const nodes = [
      ...Array.from({ length: 50 }, (_, i) => ({
        id: `t${i}`,
        kind: "theme" as const,
        label: `thema ${i}`,
      })),
      ...Array.from({ length: 950 }, (_, i) => ({
        id: `i${i}`,
        kind: "initiative" as const,
        label: `initiatief ${i}`,
      })),
      ...Array.from({ length: 3500 }, (_, i) => ({
        id: `p${i}`,
        kind: "person" as const,
        label: `persoon ${i}`,
      })),
      ...Array.from({ length: 500 }, (_, i) => ({
        id: `k${i}`,
        kind: "tag" as const,
        label: `tag ${i}`,
      })),
    ];
    const links = Array.from({ length: 20_000 }, (_, i) => {
      if (i < 950) return { from: `i${i}`, to: `t${i % 50}`, kind: "theme" };
      if (i < 12_000) return { from: `p${i % 3500}`, to: `i${(i * 7) % 950}`, kind: "p" };
      return { from: `p${i % 3500}`, to: `k${(i * 13) % 500}`, kind: "knows" };
    });
    const placed = layoutMap(nodes, links);
    expect(placed).toHaveLength(5000);
    const spots = new Set(placed.map((n) => `${n.x},${n.y}`));
    expect(spots.size).toBe(5000);
    // people sit further out than initiatives, initiatives further out than themes
    const radius = (kind: string) => {
      const ring = placed.filter((n) => n.kind === kind);
      return ring.reduce((sum, n) => sum + Math.hypot(n.x, n.y), 0) / ring.length;
    };
    expect(radius("theme")).toBeLessThan(radius("initiative"));
    expect(radius("initiative")).toBeLessThan(radius("person"));
  });

  it("exports names that look like formulas as text, so a spreadsheet does not run them", async () => {
    const { db, id, schakel, themeId } = await school();
    const analysisId = await startAnalysis(
      db,
      await authorizeSpace(db, schakel, "organisation", id),
      {
        initiativeId: null,
        themeId,
      },
    );
    const itemId = await addItem(
      db,
      await authorizeSpace(db, schakel, "organisation", id),
      analysisId,
      {
        kind: "schakel",
        label: '=HYPERLINK("http://evil.test","x")',
        category: "persoon",
        userId: null,
        ingredientIds: [],
      },
    );
    await updateSchakel(
      db,
      await authorizeSpace(db, schakel, "organisation", id),
      analysisId,
      itemId,
      {
        label: '=HYPERLINK("http://evil.test","x")',
        story: "@SUM(1+1)\nen -2+3",
        email: "",
        position: "p",
      },
    );
    const table = await analysisTable(
      db,
      await authorizeSpace(db, schakel, "organisation", id),
      analysisId,
    );
    const row = table.csv.split("\r\n").find((line) => line.startsWith('"schakel"'));
    expect(row).toContain(`"'=HYPERLINK(""http://evil.test"",""x"")"`);
    expect(row).toContain(`"'@SUM(1+1)\nen -2+3"`);
    expect(row).not.toMatch(/(^|;)"?=/);
  });
});
