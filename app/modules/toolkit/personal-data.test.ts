import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#app/db/client.server.ts";
import { initiativeInvolvement, themeSchakels, users } from "#app/db/schema/index.ts";
import { createTestDatabase } from "../../../tests/test-database.ts";
import { eraseAccount } from "../privacy/erasure.server.ts";
import { addItem, getAnalysis, startAnalysis } from "./analysis.server.ts";
import {
  addStepNote,
  createInitiative,
  getInitiative,
  setInvolvement,
} from "./initiatives.server.ts";
import { knowsAbout } from "./knows-about.server.ts";
import { knowledgeMap } from "./map.server.ts";
import { personalDataProvider } from "./personal-data.server.ts";
import { authorizeSpace } from "./space-access.server.ts";
import { addPilot, getProgramme, startProgramme, toggleSignup } from "./theme-programme.server.ts";
import { initiative, setupSchoolWithTheme } from "./toolkit.fixtures.ts";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.close();
});

/** The whole erasure, every module's rule and the tombstone, as the account page runs it. */
function erase(userId: string) {
  return eraseAccount(database.db, userId, { reason: "self" });
}

describe("toolkit: who knows what after erasure", () => {
  it("exports their positions, schakel roles and analyses naming them; erasure takes them off the knowledge map, 'who knows what', the analysis and the programme", async () => {
    const { db } = database;
    const school = await setupSchoolWithTheme(db);
    const { id, schakel, colleague, themeId } = school;
    await db
      .update(users)
      .set({ name: "Carolien Maas", email: "c.maas@trinitas.test" })
      .where(eq(users.id, schakel.userId));
    const space = (actor: typeof schakel) => authorizeSpace(db, actor, "organisation", id);

    // Carolien starts an initiative on the theme (initiator), the colleague joins as user.
    const initiativeId = await createInitiative(db, await space(schakel), {
      ...initiative,
      themeIds: [themeId],
    });
    await setInvolvement(db, await space(schakel), initiativeId, {
      userId: colleague.userId,
      position: "g",
      kind: "role",
      note: "",
    });
    await addStepNote(db, await space(schakel), initiativeId, "Sectie is enthousiast.");
    // A network analysis with her as schakel, and one typed in by hand with her address.
    const analysisId = await startAnalysis(db, await space(colleague), {
      initiativeId,
      themeId: null,
    });
    await addItem(db, await space(colleague), analysisId, {
      kind: "schakel",
      label: "",
      category: "persoon",
      userId: schakel.userId,
      ingredientIds: [],
    });
    await addItem(db, await space(colleague), analysisId, {
      kind: "schakel",
      label: "Carolien Maas",
      category: "persoon",
      userId: null,
      ingredientIds: [],
    });
    await startProgramme(db, await space(schakel), themeId, { startsOn: "2026-09-01", months: 10 });
    await toggleSignup(db, await space(schakel), themeId, "denk");
    await addPilot(db, await space(colleague), themeId, {
      title: "Pilot differentiatie",
      participants: "Carolien Maas, Bas de Vries",
      experiences: "",
    });

    const exported = JSON.stringify((await personalDataProvider.export(db, schakel.userId)).data);
    expect(exported).toContain("Nieuw toetsmodel");
    expect(exported).toContain('"position":"i"');
    expect(exported).toContain("Differentiatie");
    expect(exported).toContain("Sectie is enthousiast.");
    expect(exported).toContain('"group":"denk"');
    expect(exported).toContain('"label":"Carolien Maas"');

    const before = await knowsAbout(db, await space(colleague), "differentiatie");
    expect(before.some((hit) => hit.name === "Carolien Maas")).toBe(true);

    await erase(schakel.userId);

    const asColleague = await space(colleague);
    const hits = await knowsAbout(db, asColleague, "differentiatie");
    expect(hits.filter((hit) => hit.kind === "person").map((hit) => hit.name)).not.toContain(
      "Oud-lid",
    );
    expect(JSON.stringify(hits)).not.toContain("Carolien");
    const map = await knowledgeMap(db, asColleague);
    expect(map.nodes.map((n) => n.label)).not.toContain("Carolien Maas");
    // Not even as "Oud-lid": organisations' rule removed the workplace the map reads people from.
    expect(map.nodes.filter((n) => n.id === `p:${schakel.userId}`)).toEqual([]);
    expect(map.links.filter((l) => l.from === `p:${schakel.userId}`)).toEqual([]);
    const analysis = await getAnalysis(db, asColleague, analysisId);
    expect(JSON.stringify(analysis)).not.toContain("Carolien");
    expect(JSON.stringify(analysis)).not.toContain("c.maas@");
    const programme = await getProgramme(db, asColleague, themeId);
    expect(JSON.stringify(programme)).not.toContain("Carolien");
    expect(JSON.stringify(programme)).toContain("Oud-lid, Bas de Vries");
    const shown = await getInitiative(db, asColleague, initiativeId);
    expect(JSON.stringify(shown)).not.toContain("Carolien");
    expect(JSON.stringify(shown)).toContain("Sectie is enthousiast.");
    expect(
      await db
        .select()
        .from(initiativeInvolvement)
        .where(eq(initiativeInvolvement.userId, schakel.userId)),
    ).toEqual([]);
    expect(
      await db.select().from(themeSchakels).where(eq(themeSchakels.userId, schakel.userId)),
    ).toEqual([]);
    // The colleague's own position is untouched.
    expect(
      (
        await db
          .select()
          .from(initiativeInvolvement)
          .where(eq(initiativeInvolvement.userId, colleague.userId))
      ).map((r) => r.position),
    ).toEqual(["g"]);
  });
});
