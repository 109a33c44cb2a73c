import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#app/db/client.server.ts";
import { buddyGroupMembers, buddyGroups } from "#app/db/schema/index.ts";
import {
  actorFor,
  addNetworkMember,
  addToOrganisation,
  buildNetwork,
  buildOrganisation,
  buildUser,
} from "../../../tests/factories/index.ts";
import { createTestDatabase } from "../../../tests/test-database.ts";
import { authorizeNetwork } from "../networks/network-access.server.ts";
import {
  getSelfScan,
  getSharedPlans,
  loadFramework,
  parseFramework,
  savePlan,
  submitScan,
} from "./selfscan.server.ts";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

describe("self-scan and action plan", () => {
  it("reads a framework from text and refuses one without statements", () => {
    expect(
      parseFramework(
        "# Visie\n- Ik vertaal de visie in keuzes.\n# Kwaliteit\n- Ik stuur op kwaliteit.",
      ),
    ).toEqual([
      { name: "Visie", statements: ["Ik vertaal de visie in keuzes."] },
      { name: "Kwaliteit", statements: ["Ik stuur op kwaliteit."] },
    ]);
    expect(() => parseFramework("# Visie\n# Kwaliteit\n- Ik stuur op kwaliteit.")).toThrow();
    expect(() => parseFramework("Zomaar een regel")).toThrow();
  });

  it("scores a scan into a profile per competence and shares a plan only with the buddy or facilitator chosen", async () => {
    const { db } = database;
    const admin = await buildUser(db);
    const school = await buildOrganisation(db);
    await addToOrganisation(db, admin.id, school.id, "admin");
    const frameworkId = await loadFramework(db, await actorFor(db, admin), {
      name: `Raamwerk ${school.id}`,
      text: "# Visie\n- Ik vertaal de visie in keuzes.\n- Ik toets plannen aan de missie.\n# Kwaliteit\n- Ik stuur op kwaliteit.",
    });
    const network = await buildNetwork(db);
    const [me, buddy, other, facilitator] = await Promise.all([
      buildUser(db),
      buildUser(db),
      buildUser(db),
      buildUser(db),
    ]);
    for (const person of [me, buddy, other])
      await addNetworkMember(db, network.id, person?.id ?? "");
    await addNetworkMember(db, network.id, facilitator?.id ?? "", "facilitator");
    const [group] = await db.insert(buddyGroups).values({ networkId: network.id }).returning();
    await db.insert(buddyGroupMembers).values(
      [me, buddy].map((p) => ({
        groupId: group?.id ?? "",
        networkId: network.id,
        userId: p?.id ?? "",
      })),
    );
    const actor = await actorFor(db, me!);
    const view = await getSelfScan(db, actor, frameworkId);
    const [v1, v2, k1] = view.statements.map((s) => s.id);
    await expect(submitScan(db, actor, frameworkId, { [v1 ?? ""]: "4" })).rejects.toMatchObject({
      messageKey: "error.survey.scale",
    });
    await submitScan(db, actor, frameworkId, { [v1 ?? ""]: "4", [v2 ?? ""]: "3", [k1 ?? ""]: "2" });
    expect((await getSelfScan(db, actor, frameworkId)).profile).toEqual([
      { competence: "Visie", mean: 3.5 },
      { competence: "Kwaliteit", mean: 2 },
    ]);
    await savePlan(db, actor, {
      scanId: null,
      learningQuestionId: null,
      networkId: network.id,
      sharedWith: "buddy",
      items: [{ goal: "Kwaliteit", action: "Lesbezoeken plannen", dueDate: "2027-03-01" }],
    });
    await savePlan(db, actor, {
      scanId: null,
      learningQuestionId: null,
      networkId: network.id,
      sharedWith: "facilitator",
      items: [{ goal: "Visie", action: "Gesprek met het team", dueDate: null }],
    });
    const seenBy = async (person: typeof me) =>
      (
        await getSharedPlans(
          db,
          await authorizeNetwork(db, await actorFor(db, person!), network.id),
        )
      ).plans.map((p) => p.items[0]?.action);
    expect(await seenBy(buddy)).toEqual(["Lesbezoeken plannen"]);
    expect(await seenBy(other)).toEqual([]);
    expect(await seenBy(facilitator)).toEqual(["Gesprek met het team"]);
  });
});
