import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#app/db/client.server.ts";
import { ForbiddenError, NotFoundError } from "#app/platform/errors.ts";
import {
  actorFor,
  addToOrganisation,
  buildOrganisation,
  buildUser,
} from "../../../tests/factories/index.ts";
import { createTestDatabase } from "../../../tests/test-database.ts";
import {
  addItem,
  analysisTable,
  getAnalysis,
  moveItem,
  removeItem,
  startAnalysis,
  updateSchakel,
} from "./analysis.server.ts";
import { knowledgeMap } from "./map.server.ts";
import { layoutMap } from "./map-layout.ts";
import { type AuthorizedSpace, authorizeSpace } from "./space-access.server.ts";
import {
  addKenniswebItem,
  getKennisweb,
  getProgramme,
  getThemeAnalysis,
  getThemeHeader,
  saveThemeAnalysis,
  sendNewsletter,
  startProgramme,
  toggleSignup,
  updateActivity,
} from "./themes.server.ts";
import { cleanSlate, createInitiative, createTheme } from "./toolkit.server.ts";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

async function school() {
  const { db } = database;
  const organisation = await buildOrganisation(db);
  const users = await Promise.all([buildUser(db), buildUser(db), buildUser(db), buildUser(db)]);
  const [admin, schakel, colleague, outsider] = await Promise.all(
    users.map((u) => actorFor(db, u)),
  );
  if (!admin || !schakel || !colleague || !outsider) throw new Error("setup");
  await addToOrganisation(db, admin.userId, organisation.id, "admin");
  await addToOrganisation(db, schakel.userId, organisation.id);
  await addToOrganisation(db, colleague.userId, organisation.id);
  const themeId = await createTheme(
    db,
    await authorizeSpace(db, schakel, "organisation", organisation.id),
    {
      name: "Differentiatie",
      kind: "jaarthema",
      description: "",
      schoolYear: "2026-2027",
      startsOn: null,
      endsOn: null,
      schakelIds: [schakel.userId],
      initiativeIds: [],
    },
  );
  return { db, id: organisation.id, admin, schakel, colleague, outsider, themeId };
}

describe("network analysis", () => {
  it("loses nobody's additions when several people add at the same time", async () => {
    const { db, id, schakel, colleague, themeId } = await school();
    const analysisId = await startAnalysis(
      db,
      await authorizeSpace(db, schakel, "organisation", id),
      {
        initiativeId: null,
        themeId,
      },
    );
    const labels = Array.from({ length: 12 }, (_, i) => `idee ${i + 1}`);
    const spaces = await Promise.all(
      [schakel, colleague].map((actor) => authorizeSpace(db, actor, "organisation", id)),
    );
    await Promise.all(
      labels.map((label, i) =>
        addItem(db, spaces[i % 2] as AuthorizedSpace, analysisId, {
          kind: "ingredient",
          label,
          category: "idee",
          userId: null,
          ingredientIds: [],
        }),
      ),
    );
    const view = await getAnalysis(
      db,
      await authorizeSpace(db, colleague, "organisation", id),
      analysisId,
    );
    expect(view.items.map((i) => i.label).sort()).toEqual([...labels].sort());
  });

  it("raises its revision with every change, one per editor when two add at once, so a page can tell the newer view", async () => {
    const { db, id, schakel, colleague, themeId } = await school();
    const analysisId = await startAnalysis(
      db,
      await authorizeSpace(db, schakel, "organisation", id),
      {
        initiativeId: null,
        themeId,
      },
    );
    const view = async () =>
      getAnalysis(db, await authorizeSpace(db, colleague, "organisation", id), analysisId);
    const add = async (actor: typeof schakel, label: string) =>
      addItem(db, await authorizeSpace(db, actor, "organisation", id), analysisId, {
        kind: "ingredient",
        label,
        category: "initiatief",
        userId: null,
        ingredientIds: [],
      });
    expect((await view()).analysis.revision).toBe(0);
    const olympiade = await add(schakel, "Olympiade");
    expect((await view()).analysis.revision).toBe(1);
    await Promise.all([add(schakel, "Plusprogramma begaafdheid"), add(colleague, "Studiewijzer")]);
    const both = await view();
    expect([both.analysis.revision, both.items.length]).toEqual([3, 3]);
    await moveItem(
      db,
      await authorizeSpace(db, colleague, "organisation", id),
      analysisId,
      olympiade,
      { x: 40, y: 60 },
    );
    expect((await view()).analysis.revision).toBe(4);
    await updateSchakel(
      db,
      await authorizeSpace(db, schakel, "organisation", id),
      analysisId,
      olympiade,
      {
        label: "Olympiade",
        story: "",
        email: "",
        position: null,
      },
    );
    expect((await view()).analysis.revision).toBe(5);
    await removeItem(
      db,
      await authorizeSpace(db, schakel, "organisation", id),
      analysisId,
      olympiade,
    );
    const after = await view();
    expect([after.analysis.revision, after.items.length]).toEqual([6, 2]);
  });

  it("needs a name for a schakel and a position in i/p/s/l/g, and keeps the history of positions", async () => {
    const { db, id, schakel, colleague, outsider, themeId } = await school();
    const analysisId = await startAnalysis(
      db,
      await authorizeSpace(db, schakel, "organisation", id),
      {
        initiativeId: null,
        themeId,
      },
    );
    // the centre must be an initiative or theme of this school
    const elsewhere = await school();
    await expect(
      startAnalysis(db, await authorizeSpace(db, schakel, "organisation", id), {
        initiativeId: null,
        themeId: elsewhere.themeId,
      }),
    ).rejects.toMatchObject({ field: "about" });
    await expect(
      startAnalysis(db, await authorizeSpace(db, schakel, "organisation", id), {
        initiativeId: null,
        themeId: null,
      }),
    ).rejects.toMatchObject({ field: "about" });
    await expect(
      addItem(db, await authorizeSpace(db, schakel, "organisation", id), analysisId, {
        kind: "schakel",
        label: "",
        category: "persoon",
        userId: null,
        ingredientIds: [],
      }),
    ).rejects.toMatchObject({ field: "label" });
    const ingredient = await addItem(
      db,
      await authorizeSpace(db, schakel, "organisation", id),
      analysisId,
      {
        kind: "ingredient",
        label: "Plusprogramma",
        category: "idee",
        userId: null,
        ingredientIds: [],
      },
    );
    const itemId = await addItem(
      db,
      await authorizeSpace(db, schakel, "organisation", id),
      analysisId,
      {
        kind: "schakel",
        label: "",
        category: "persoon",
        userId: colleague.userId,
        ingredientIds: [ingredient],
      },
    );
    const input = { label: "Collega", story: "Jouw verhaal", email: "", position: "g" as const };
    await updateSchakel(
      db,
      await authorizeSpace(db, schakel, "organisation", id),
      analysisId,
      itemId,
      input,
    );
    await updateSchakel(
      db,
      await authorizeSpace(db, schakel, "organisation", id),
      analysisId,
      itemId,
      {
        ...input,
        position: "p",
      },
    );
    const view = await getAnalysis(
      db,
      await authorizeSpace(db, schakel, "organisation", id),
      analysisId,
    );
    const item = view.items.find((i) => i.id === itemId);
    expect(item?.position).toBe("p");
    expect(item?.positionHistory.map((p) => p.position)).toEqual(["g"]);
    expect(item?.linkedTo).toEqual([ingredient]);
    const table = await analysisTable(
      db,
      await authorizeSpace(db, schakel, "organisation", id),
      analysisId,
    );
    expect(table.csv).toContain('"schakel";"Collega";"persoon"');
    expect(table.csv).toContain('"p";"Plusprogramma";"Jouw verhaal"');
    await expect(
      (async () =>
        getAnalysis(db, await authorizeSpace(db, outsider, "organisation", id), analysisId))(),
    ).rejects.toThrow(NotFoundError);
  });
});

describe("theme analysis, network programme and kennisweb", () => {
  it("refuses a timeline that ends before it starts and a name not among the brainstorm words", async () => {
    const { db, id, schakel, colleague, themeId } = await school();
    const canvas = {
      words: ["differentiatie", "maatwerk"],
      chosenName: "differentiatie",
      remarks: "",
      story: "",
      ideas: "",
      startsOn: "2026-11-15",
      manifestationOn: "2026-10-01",
      manifestation: "",
    };
    await expect(
      saveThemeAnalysis(db, await authorizeSpace(db, schakel, "organisation", id), themeId, canvas),
    ).rejects.toMatchObject({
      field: "manifestationOn",
    });
    await expect(
      saveThemeAnalysis(db, await authorizeSpace(db, schakel, "organisation", id), themeId, {
        ...canvas,
        manifestationOn: null,
        chosenName: "iets",
      }),
    ).rejects.toMatchObject({ field: "chosenName" });
    // only the schakel (or a keeper) shapes the theme
    await expect(
      saveThemeAnalysis(db, await authorizeSpace(db, colleague, "organisation", id), themeId, {
        ...canvas,
        manifestationOn: null,
      }),
    ).rejects.toThrow(ForbiddenError);
    await saveThemeAnalysis(db, await authorizeSpace(db, schakel, "organisation", id), themeId, {
      ...canvas,
      manifestationOn: "2027-03-31",
    });
    expect(
      (await getThemeAnalysis(db, await authorizeSpace(db, colleague, "organisation", id), themeId))
        .analysis?.chosenName,
    ).toBe("differentiatie");
  });

  it("spreads the nine activities over the period and mails the newsletter to subscribers only", async () => {
    const { db, id, schakel, colleague, themeId } = await school();
    await startProgramme(db, await authorizeSpace(db, schakel, "organisation", id), themeId, {
      startsOn: "2027-02-01",
      months: 3,
    });
    let view = await getProgramme(
      db,
      await authorizeSpace(db, colleague, "organisation", id),
      themeId,
    );
    const days = view.programme?.activities.map((a) => a.plannedOn ?? "") ?? [];
    expect(days).toHaveLength(9);
    expect(days[0]).toBe("2027-02-01");
    expect(days.every((d) => d >= "2027-02-01" && d <= "2027-05-01")).toBe(true);
    expect([...days].sort()).toEqual(days);
    await expect(
      updateActivity(db, await authorizeSpace(db, schakel, "organisation", id), themeId, {
        activity: "manifestatie",
        plannedOn: "2027-09-01",
        note: "",
        done: false,
      }),
    ).rejects.toMatchObject({ field: "plannedOn" });
    await expect(
      sendNewsletter(
        db,
        await authorizeSpace(db, schakel, "organisation", id),
        themeId,
        { title: "Nr 1", body: "Hallo allemaal" },
        "https://x",
      ),
    ).rejects.toMatchObject({ field: "title" });
    await toggleSignup(
      db,
      await authorizeSpace(db, colleague, "organisation", id),
      themeId,
      "nieuwsbrief",
    );
    await toggleSignup(db, await authorizeSpace(db, colleague, "organisation", id), themeId, "doe");
    expect(
      await sendNewsletter(
        db,
        await authorizeSpace(db, schakel, "organisation", id),
        themeId,
        { title: "Nr 1", body: "Hallo allemaal" },
        "https://x",
      ),
    ).toBe(1);
    view = await getProgramme(db, await authorizeSpace(db, colleague, "organisation", id), themeId);
    expect(view.programme?.mine.sort()).toEqual(["doe", "nieuwsbrief"]);
    expect(view.programme?.issues.map((i) => [i.title, i.recipients])).toEqual([["Nr 1", 1]]);
  });

  it("keeps the kennisweb after the theme closes, and a renewed theme brings it back, searchable in Dutch", async () => {
    const { db, id, admin, schakel, themeId } = await school();
    await addKenniswebItem(db, await authorizeSpace(db, schakel, "organisation", id), themeId, {
      kind: "voorbeeld",
      title: "Gedifferentieerde instructie in 2 havo",
      body: "Drie niveaus van uitleg met verlengde instructie.",
      url: "",
    });
    await cleanSlate(db, await authorizeSpace(db, admin, "organisation", id), "2027-2028", {
      [themeId]: "renew",
    });
    const schakelSpace = await authorizeSpace(db, schakel, "organisation", id);
    expect((await getThemeHeader(db, schakelSpace, themeId)).theme.closedAt).not.toBeNull();
    expect((await getKennisweb(db, schakelSpace, themeId)).kennisweb).toHaveLength(1);
    const { themes } = await import("#app/db/schema/index.ts");
    const { eq } = await import("drizzle-orm");
    const [renewed] = await db.select().from(themes).where(eq(themes.renewedFromId, themeId));
    const view = await getKennisweb(
      db,
      await authorizeSpace(db, schakel, "organisation", id),
      renewed?.id ?? "",
      "instructie",
    );
    expect(view.kennisweb.map((k) => [k.title, k.earlier])).toEqual([
      ["Gedifferentieerde instructie in 2 havo", true],
    ]);
    expect(
      (
        await getKennisweb(
          db,
          await authorizeSpace(db, schakel, "organisation", id),
          renewed?.id ?? "",
          "roosters",
        )
      ).kennisweb,
    ).toHaveLength(0);
  });
});

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
