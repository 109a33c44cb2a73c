import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#app/db/client.server.ts";
import { expertiseTags, initiatives, userExpertise } from "#app/db/schema/index.ts";
import { ForbiddenError, NotFoundError, refusalStatus } from "#app/platform/errors.ts";
import {
  actorFor,
  addNetworkMember,
  addToOrganisation,
  buildNetwork,
  buildOrganisation,
  buildUser,
} from "../../../tests/factories/index.ts";
import { createTestDatabase } from "../../../tests/test-database.ts";
import { loadActor } from "../organisations/grants.server.ts";
import {
  confirmWorkplace,
  declineWorkplace,
  setWorkplaces,
} from "../organisations/workplaces.server.ts";
import { listAnalyses } from "./analysis.server.ts";
import { questionWords, rankKnowsAbout } from "./knows-about.ts";
import { knowledgeMap } from "./map.server.ts";
import { authorizeSpace } from "./space-access.server.ts";
import { moveStep, stepPlans } from "./step-plans.ts";
import { themeSchema } from "./toolkit.schema.ts";
import {
  cleanSlate,
  createInitiative,
  createTheme,
  getInitiative,
  knowsAbout,
  moveInitiative,
  setInvolvement,
  spaceOverview,
  themesToDecide,
} from "./toolkit.server.ts";
import { getYearAgenda } from "./year-agenda.server.ts";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

async function school() {
  const { db } = database;
  const organisation = await buildOrganisation(db, { name: "Baken Trinitas Gymnasium" });
  const users = await Promise.all([buildUser(db), buildUser(db), buildUser(db), buildUser(db)]);
  const [admin, fred, gemma, outsider] = await Promise.all(users.map((u) => actorFor(db, u)));
  if (!admin || !fred || !gemma || !outsider) throw new Error("setup");
  await addToOrganisation(db, admin.userId, organisation.id, "admin");
  await addToOrganisation(db, fred.userId, organisation.id);
  await addToOrganisation(db, gemma.userId, organisation.id);
  return { db, id: organisation.id, admin, fred, gemma, outsider };
}

const initiative = {
  name: "Nieuw toetsmodel",
  goal: "Eén toetsmodel voor de hele sectie Engels, van klas 1 tot en met 6.",
  forWhom: "De sectie Engels en de leerlingen",
  valueForOthers: "Andere talensecties kunnen het overnemen",
  plan: "stappenplan" as const,
  themeIds: [],
};

describe("step plans", () => {
  it("go one step at a time, and round off only in the period of trying out", () => {
    expect(stepPlans.stappenplan).toHaveLength(11);
    expect(stepPlans.stappenplan[0]?.title).toBe("Het begin");
    expect(stepPlans.btg).toHaveLength(8);
    const start = { currentStep: 0, completed: false };
    expect(moveStep("stappenplan", start, "back")).toEqual({ error: "error.initiative.firstStep" });
    expect(moveStep("stappenplan", start, "next")).toEqual({ currentStep: 1, completed: false });
    expect(moveStep("stappenplan", { currentStep: 7, completed: false }, "complete")).toEqual({
      error: "error.initiative.notTriedYet",
    });
    expect(moveStep("stappenplan", { currentStep: 8, completed: false }, "complete")).toEqual({
      currentStep: 8,
      completed: true,
    });
    expect(moveStep("stappenplan", { currentStep: 10, completed: false }, "next")).toEqual({
      error: "error.initiative.lastStep",
    });
    expect(moveStep("btg", { currentStep: 5, completed: true }, "reopen")).toEqual({
      currentStep: 7,
      completed: false,
    });
  });
});

describe("BTG steps", () => {
  it("show each step's name as chapter 2 gives it, counted 1 to 8; no initiative sits on a step its plan lacks", async () => {
    const { db, id, fred } = await school();
    const olympiade = await createInitiative(
      db,
      await authorizeSpace(db, fred, "organisation", id),
      {
        ...initiative,
        name: "Olympiade",
        plan: "btg",
      },
    );
    for (let step = 0; step < 7; step++)
      await moveInitiative(
        db,
        await authorizeSpace(db, fred, "organisation", id),
        olympiade,
        "next",
      );
    const view = await getInitiative(
      db,
      await authorizeSpace(db, fred, "organisation", id),
      olympiade,
    );
    expect(view.steps.map((s) => `${s.number}. ${s.title}`)).toEqual([
      "1. Begin bij het begin: wat wil je graag in je werk verwezenlijken?",
      "2. Stel jezelf de vraag voor wie je dit wilt en wat de waarde voor de ander(en) kan zijn",
      "3. Check je ideeën met je omgeving, dat is de organisatie waarin je werkt",
      "4. Word voorbeeld van je initiatief",
      "5. Zet een netwerk op om je initiatief verder vorm te geven",
      "6. Laat anderen van het ontstane netwerk toe tot jouw initiatief, laat hen je initiatief ‘inkleuren’",
      "7. Ga gezamenlijk aan het werk en check de ontvangst in je omgeving",
      "8. Maak - als dit nog nodig is - een voorstel voor de organisatie",
    ]);
    expect(view.steps[7]?.detail).toBe("Daarmee kan je het initiatief bestendigen!");
    const row = (
      await spaceOverview(db, await authorizeSpace(db, fred, "organisation", id))
    ).initiatives.find((i) => i.id === olympiade);
    expect(row && `Stap ${row.stepNumber}: ${row.stepTitle}`).toBe(
      "Stap 8: Maak - als dit nog nodig is - een voorstel voor de organisatie",
    );
    // The demo once wrote the Olympiade at BTG step 8 (there are 0–7): the database refuses that.
    await expect(
      db.update(initiatives).set({ currentStep: 8 }).where(eq(initiatives.id, olympiade)),
    ).rejects.toThrow();
    await expect(
      db.update(initiatives).set({ currentStep: -1 }).where(eq(initiatives.id, olympiade)),
    ).rejects.toThrow();
  });
});

describe("who knows about", () => {
  it("ranks people by tag, schakel role and position, with why; initiatives and themes too", () => {
    const hits = rankKnowsAbout(
      {
        people: [
          {
            userId: "u1",
            name: "Ria",
            tags: ["hoogbegaafdheid"],
            involvement: [{ initiativeId: "i1", initiative: "Plusklas", position: "i" }],
            schakelOf: [],
          },
          {
            userId: "u2",
            name: "Kees",
            tags: [],
            involvement: [{ initiativeId: "i1", initiative: "Plusklas", position: "g" }],
            schakelOf: [],
          },
          {
            userId: "u3",
            name: "Anna",
            tags: ["toetsing"],
            involvement: [],
            schakelOf: [{ themeId: "t1", theme: "Begaafdheid" }],
          },
          { userId: "u4", name: "Bert", tags: ["rekenen"], involvement: [], schakelOf: [] },
        ],
        initiatives: [
          { id: "i1", name: "Plusklas", goal: "Uitdaging voor begaafde leerlingen", themes: [] },
        ],
        themes: [
          { id: "t1", name: "Begaafdheid", description: "", closed: false, initiativeIds: [] },
        ],
      },
      "Wie weet iets van begaafdheid?",
    );
    expect(questionWords("Wie weet iets van begaafdheid?")).toEqual(["begaafdheid"]);
    expect(hits.map((h) => [h.kind, h.name, h.score])).toEqual([
      ["person", "Ria", 7],
      ["person", "Anna", 3],
      ["theme", "Begaafdheid", 3],
      ["person", "Kees", 1],
      ["initiative", "Plusklas", 1],
    ]);
    expect(hits[0]?.why.map((w) => w.key)).toEqual(["knows.why.tag", "knows.why.position.i"]);
    expect(rankKnowsAbout({ people: [], initiatives: [], themes: [] }, "wie weet iets")).toEqual(
      [],
    );
  });
});

describe("who knows about: themes", () => {
  // Chapter 2 and 4 of L: differentiation became the theme that brings the Olympiade and the
  // plus programme together, carried by its schakel Carolien.
  const facts = {
    people: [
      {
        userId: "carolien",
        name: "Carolien Maas",
        tags: ["differentiatie", "scheikunde", "werkvormen"],
        involvement: [],
        schakelOf: [{ themeId: "diff", theme: "Differentiatie" }],
      },
      {
        userId: "bas",
        name: "Bas de Vries",
        tags: ["wiskunde"],
        involvement: [
          { initiativeId: "olympiade", initiative: "Olympiade", position: "i" as const },
        ],
        schakelOf: [],
      },
    ],
    initiatives: [
      {
        id: "olympiade",
        name: "Olympiade",
        goal: "Een schoolbrede Olympiade waarin leerlingen op hun eigen niveau wedijveren.",
        themes: ["Differentiatie"],
      },
      { id: "plus", name: "Plusprogramma begaafdheid", goal: "Verrijking", themes: [] },
    ],
    themes: [
      {
        id: "diff",
        name: "Differentiatie",
        description: "",
        closed: false,
        initiativeIds: ["olympiade", "plus"],
      },
      { id: "toets", name: "Toetsing", description: "", closed: false, initiativeIds: [] },
    ],
  };
  const themeWhy = (query: string) =>
    rankKnowsAbout(facts, query)
      .filter((h) => h.kind === "theme")
      .map((h) => [h.name, h.why.map((w) => [w.key, Object.values(w.params).join()])]);

  it("finds a theme through its schakel and through the initiatives it brings together, and says so", () => {
    expect(themeWhy("Wie weet iets van scheikunde?")).toEqual([
      ["Differentiatie", [["knows.why.themeSchakel", "Carolien Maas"]]],
    ]);
    expect(themeWhy("olympiade")).toEqual([
      ["Differentiatie", [["knows.why.themeInitiative", "Olympiade"]]],
    ]);
    expect(themeWhy("differentiatie")).toEqual([
      [
        "Differentiatie",
        [
          ["knows.why.themeName", ""],
          ["knows.why.themeSchakel", "Carolien Maas"],
        ],
      ],
    ]);
    expect(themeWhy("begaafdheid")).toEqual([
      ["Differentiatie", [["knows.why.themeInitiative", "Plusprogramma begaafdheid"]]],
    ]);
    // whoever carries a theme that bundles the Olympiade is worth asking about it
    const carolien = rankKnowsAbout(facts, "olympiade").find((h) => h.name === "Carolien Maas");
    expect(carolien?.why).toEqual([
      { key: "knows.why.schakel", params: { theme: "Differentiatie" } },
    ]);
  });
});

describe("toolkit of a school", () => {
  it("is for the school's members only", async () => {
    const { db, id, outsider } = await school();
    await expect(
      (async () => spaceOverview(db, await authorizeSpace(db, outsider, "organisation", id)))(),
    ).rejects.toThrow(NotFoundError);
  });

  it("stays closed to someone who only claims to work there, until the school confirms", async () => {
    const { db, id, admin, fred } = await school();
    const initiativeId = await createInitiative(
      db,
      await authorizeSpace(db, fred, "organisation", id),
      initiative,
    );
    const [tag] = await db.insert(expertiseTags).values({ name: "Formatief toetsen" }).returning();
    const newcomer = await buildUser(db, { name: "Nieuwe Collega" });
    await db.insert(userExpertise).values({ userId: newcomer.id, tagId: tag?.id ?? "" });
    const base = { baseUrl: "https://knooppunt.test" };
    await setWorkplaces(db, newcomer.id, [id], base);

    // Every page of the school's space, read and write, as the newcomer sees it.
    const statuses = async () => {
      const actor = await actorFor(db, newcomer);
      const attempts = {
        overview: async () =>
          spaceOverview(db, await authorizeSpace(db, actor, "organisation", id)),
        initiative: async () =>
          getInitiative(db, await authorizeSpace(db, actor, "organisation", id), initiativeId),
        agenda: async () =>
          getYearAgenda(
            db,
            await authorizeSpace(db, actor, "organisation", id),
            "Sectie Engels",
            "2025-2026",
          ),
        map: async () => knowledgeMap(db, await authorizeSpace(db, actor, "organisation", id)),
        whoKnows: async () =>
          knowsAbout(db, await authorizeSpace(db, actor, "organisation", id), "toetsen"),
        analyses: async () => listAnalyses(db, await authorizeSpace(db, actor, "organisation", id)),
        create: async () =>
          createInitiative(db, await authorizeSpace(db, actor, "organisation", id), initiative),
      };
      const result: Record<string, number> = {};
      for (const [name, attempt] of Object.entries(attempts)) {
        result[name] = await attempt().then(
          () => 200,
          (error) => refusalStatus(error) ?? 500,
        );
      }
      return result;
    };
    const all = (status: number) => ({
      overview: status,
      initiative: status,
      agenda: status,
      map: status,
      whoKnows: status,
      analyses: status,
      create: status,
    });
    const seenByMembers = async () => ({
      overview: (
        await spaceOverview(db, await authorizeSpace(db, admin, "organisation", id))
      ).people.some((p) => p.userId === newcomer.id),
      map: (await knowledgeMap(db, await authorizeSpace(db, admin, "organisation", id))).nodes.some(
        (n) => n.id === `p:${newcomer.id}`,
      ),
      whoKnows: (
        await knowsAbout(
          db,
          await authorizeSpace(db, admin, "organisation", id),
          "formatief toetsen",
        )
      ).some((h) => h.name === "Nieuwe Collega"),
    });

    expect(await statuses()).toEqual(all(404));
    expect(await seenByMembers()).toEqual({ overview: false, map: false, whoKnows: false });

    // The fixture's actors were built before their school rows: load the admin's grants now.
    const schoolAdmin = await loadActor(db, { ...admin, id: admin.userId });
    await confirmWorkplace(db, schoolAdmin, id, { userId: newcomer.id }, base);
    expect(await statuses()).toEqual(all(200));
    expect(await seenByMembers()).toEqual({ overview: true, map: true, whoKnows: true });
  });

  it("stays closed when the school declines the claim", async () => {
    const { db, id, admin } = await school();
    const newcomer = await buildUser(db);
    await setWorkplaces(db, newcomer.id, [id], { baseUrl: "https://knooppunt.test" });
    await declineWorkplace(db, await loadActor(db, { ...admin, id: admin.userId }), id, {
      userId: newcomer.id,
    });
    await expect(
      (async () =>
        spaceOverview(
          db,
          await authorizeSpace(db, await actorFor(db, newcomer), "organisation", id),
        ))(),
    ).rejects.toThrow(NotFoundError);
  });

  it("moves an initiative through its steps; an initiative whose initiator left is flagged", async () => {
    const { db, id, fred, gemma, admin } = await school();
    const initiativeId = await createInitiative(
      db,
      await authorizeSpace(db, fred, "organisation", id),
      initiative,
    );
    await expect(
      moveInitiative(db, await authorizeSpace(db, gemma, "organisation", id), initiativeId, "next"),
    ).rejects.toThrow(ForbiddenError);
    await moveInitiative(
      db,
      await authorizeSpace(db, fred, "organisation", id),
      initiativeId,
      "next",
    );
    // Gemma offers help as leverancier; she may do that herself
    await setInvolvement(db, await authorizeSpace(db, gemma, "organisation", id), initiativeId, {
      userId: gemma.userId,
      position: "l",
      kind: "help",
      note: "Ik heb toetsen uit mijn vorige school",
    });
    let view = await getInitiative(
      db,
      await authorizeSpace(db, gemma, "organisation", id),
      initiativeId,
    );
    expect(view.initiative.currentStep).toBe(1);
    expect(view.current.map((r) => [r.position, r.kind])).toEqual([
      ["i", "role"],
      ["l", "help"],
    ]);
    // Fred leaves the school: nobody owns the test model any more
    await db.execute(
      `delete from organisation_members where user_id = '${fred.userId}' and organisation_id = '${id}'`,
    );
    const overview = await spaceOverview(db, await authorizeSpace(db, admin, "organisation", id));
    expect(overview.initiatives.find((i) => i.id === initiativeId)?.orphaned).toBe(true);
    // The admin makes Gemma initiatiefnemer; her earlier position stays in the history
    await setInvolvement(db, await authorizeSpace(db, admin, "organisation", id), initiativeId, {
      userId: gemma.userId,
      position: "i",
      kind: "role",
      note: "",
    });
    view = await getInitiative(
      db,
      await authorizeSpace(db, gemma, "organisation", id),
      initiativeId,
    );
    expect(view.orphaned).toBe(false);
    expect(view.history.map((r) => r.position)).toEqual(["l"]);
  });

  it("themes: refuses a timeline that ends before it starts; the clean slate closes or renews every open theme", async () => {
    const { db, id, admin, fred } = await school();
    const bad = themeSchema.safeParse({
      name: "Differentiatie",
      kind: "jaarthema",
      schoolYear: "2011-2012",
      startsOn: "2012-06-01",
      endsOn: "2011-09-01",
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe("error.toolkit.endBeforeStart");
    const a = await createInitiative(db, await authorizeSpace(db, fred, "organisation", id), {
      ...initiative,
      name: "Plusklas",
    });
    const b = await createInitiative(db, await authorizeSpace(db, fred, "organisation", id), {
      ...initiative,
      name: "Olympiade",
    });
    const differentiatie = await createTheme(
      db,
      await authorizeSpace(db, admin, "organisation", id),
      {
        name: "Differentiatie",
        kind: "jaarthema",
        description: "",
        schoolYear: "2011-2012",
        startsOn: "2011-09-01",
        endsOn: "2012-07-01",
        schakelIds: [fred.userId],
        initiativeIds: [a, b],
      },
    );
    const studiewijzer = await createTheme(
      db,
      await authorizeSpace(db, admin, "organisation", id),
      {
        name: "Studiewijzer",
        kind: "vast",
        description: "",
        schoolYear: "2011-2012",
        startsOn: null,
        endsOn: null,
        schakelIds: [],
        initiativeIds: [],
      },
    );
    const overview = await spaceOverview(db, await authorizeSpace(db, admin, "organisation", id));
    expect(overview.themes.find((t) => t.id === differentiatie)?.initiativeIds.sort()).toEqual(
      [a, b].sort(),
    );
    await expect(
      cleanSlate(db, await authorizeSpace(db, admin, "organisation", id), "2012-2013", {
        [differentiatie]: "close",
      }),
    ).rejects.toMatchObject({ messageKey: "error.toolkit.undecided" });
    expect(
      await themesToDecide(db, await authorizeSpace(db, admin, "organisation", id), "2012-2013"),
    ).toHaveLength(2);
    await expect(
      cleanSlate(db, await authorizeSpace(db, fred, "organisation", id), "2012-2013", {
        [differentiatie]: "close",
        [studiewijzer]: "renew",
      }),
    ).rejects.toThrow(ForbiddenError);
    const result = await cleanSlate(
      db,
      await authorizeSpace(db, admin, "organisation", id),
      "2012-2013",
      {
        [differentiatie]: "close",
        [studiewijzer]: "renew",
      },
    );
    expect(result).toEqual({ closed: 1, renewed: 1 });
    const after = await spaceOverview(db, await authorizeSpace(db, admin, "organisation", id));
    const open = after.themes.filter((t) => !t.closedAt);
    expect(open.map((t) => [t.name, t.schoolYear, t.renewedFromId])).toEqual([
      ["Studiewijzer", "2012-2013", studiewijzer],
    ]);
    expect(
      await themesToDecide(db, await authorizeSpace(db, admin, "organisation", id), "2012-2013"),
    ).toHaveLength(0);
  });

  it("finds who knows about a subject in a network, by tag and by position", async () => {
    const { db } = database;
    const network = await buildNetwork(db);
    const [ria, kees, outsider] = await Promise.all([buildUser(db), buildUser(db), buildUser(db)]);
    if (!ria || !kees || !outsider) throw new Error("setup");
    await addNetworkMember(db, network.id, ria.id, "penvoerder");
    await addNetworkMember(db, network.id, kees.id, "deelnemer");
    const riaActor = await actorFor(db, ria);
    const [tag] = await db.insert(expertiseTags).values({ name: "Hoogbegaafdheid" }).returning();
    await db.insert(userExpertise).values({ userId: ria.id, tagId: tag?.id ?? "" });
    const keesActor = await actorFor(db, kees);
    await createInitiative(db, await authorizeSpace(db, keesActor, "network", network.id), {
      ...initiative,
      name: "Plusklas voor begaafde leerlingen",
    });
    const hits = await knowsAbout(
      db,
      await authorizeSpace(db, riaActor, "network", network.id),
      "begaafdheid",
    );
    expect(hits[0]).toMatchObject({ name: ria.name, why: [{ key: "knows.why.tag" }] });
    expect(hits.map((h) => h.name)).toContain(kees.name);
    expect(hits.map((h) => h.name)).toContain("Plusklas voor begaafde leerlingen");
    await expect(
      (async () =>
        knowsAbout(
          db,
          await authorizeSpace(db, await actorFor(db, outsider), "network", network.id),
          "x",
        ))(),
    ).rejects.toThrow(NotFoundError);
  });
});
