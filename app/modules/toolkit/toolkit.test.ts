import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#app/db/client.server.ts";
import { expertiseTags, userExpertise } from "#app/db/schema/index.ts";
import { ForbiddenError, NotFoundError, refusalStatus } from "#app/platform/errors.ts";
import {
  actorFor,
  addNetworkMember,
  buildNetwork,
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
import { cleanSlate, themesToDecide } from "./clean-slate.server.ts";
import {
  createInitiative,
  getInitiative,
  moveInitiative,
  setInvolvement,
} from "./initiatives.server.ts";
import { knowsAbout } from "./knows-about.server.ts";
import { knowledgeMap } from "./map.server.ts";
import { authorizeSpace } from "./space-access.server.ts";
import { createTheme } from "./themes.server.ts";
import { initiative, setupSchool } from "./toolkit.fixtures.ts";
import { themeSchema } from "./toolkit.schema.ts";
import { spaceOverview } from "./toolkit.server.ts";
import { getYearAgenda } from "./year-agenda.server.ts";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.close();
});

const school = () => setupSchool(database.db);

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
