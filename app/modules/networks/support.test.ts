import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#app/db/client.server.ts";
import { programmeCriteria } from "#app/db/schema/index.ts";
import { ForbiddenError, NotFoundError } from "#app/platform/errors.ts";
import {
  actorFor,
  addNetworkMember,
  addToOrganisation,
  buildNetwork,
  buildOrganisation,
  buildProgramme,
  buildUser,
  makeCoordinator,
} from "../../../tests/factories/index.ts";
import { createTestDatabase } from "../../../tests/test-database.ts";
import { authorizeNetwork } from "./network-access.server.ts";
import { getNetwork } from "./networks.server.ts";
import {
  decideApplication,
  getApplication,
  listApplicationsToDecide,
  previewApplication,
  submitApplication,
} from "./support.server.ts";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.close();
});

describe("support programmes (VO-academie, chapter 3.1)", () => {
  it("shows each criterion computed from the data or declared, and a coordinator approves with a stimulus", async () => {
    const db = database.db;
    const academy = await buildProgramme(db, "VO-academie test");
    const rules: [string, string | null, number | null][] = [
      ["Initiatief vanuit het veld", null, null],
      ["Aanvrager is leidinggevende in het VO", "applicant-vo-leader", null],
      ["Herkenbaar als netwerk, gepubliceerd als open of gesloten", "published-openness", null],
      ["Gericht op professionalisering", null, null],
      ["Akkoord met monitoring", null, null],
      ["Minimaal drie bijeenkomsten per jaar", "min-meetings-per-year", 3],
      ["Tussentijds contact mogelijk", null, null],
      ["Minimaal zes vaste deelnemers", "min-members", 6],
      ["VO-academie uitgenodigd bij een bijeenkomst", null, null],
      ["Ondersteund door een facilitator", "has-facilitator", null],
      ["Opgezet voor minimaal twee jaar", "min-duration-months", 24],
    ];
    await db.insert(programmeCriteria).values(
      rules.map(([label, rule, ruleValue], position) => ({
        programmeId: academy.id,
        position,
        label,
        rule,
        ruleValue,
      })),
    );
    const school = await buildOrganisation(db, { sector: "VO" });
    const penvoerder = await buildUser(db, { jobFunction: "schoolleider" });
    await addToOrganisation(db, penvoerder.id, school.id);
    const network = await buildNetwork(db, { meetingsPerYear: 2, durationMonths: 24 });
    await addNetworkMember(db, network.id, penvoerder.id, "penvoerder");
    for (let i = 0; i < 5; i++) await addNetworkMember(db, network.id, (await buildUser(db)).id);
    const actor = await actorFor(db, penvoerder);

    const preview = await previewApplication(
      db,
      await authorizeNetwork(db, actor, network.id),
      academy.id,
      "nl",
    );
    const byLabel = Object.fromEntries(preview.results.map((r) => [r.label, r]));
    expect(preview.results).toHaveLength(11);
    expect(byLabel["Aanvrager is leidinggevende in het VO"]).toMatchObject({
      source: "computed",
      met: true,
    });
    expect(byLabel["Minimaal drie bijeenkomsten per jaar"]).toMatchObject({
      source: "computed",
      met: false,
      detail: "2 bijeenkomsten per jaar (minimaal 3).",
    });
    expect(byLabel["Minimaal zes vaste deelnemers"]).toMatchObject({
      source: "computed",
      met: true,
      detail: "6 vaste leden (minimaal 6).",
    });
    expect(byLabel["Ondersteund door een facilitator"]).toMatchObject({ met: false });
    expect(byLabel["Initiatief vanuit het veld"]).toMatchObject({ source: "declared", met: false });

    const fieldCriterion = preview.criteria.find((c) => c.label === "Initiatief vanuit het veld");
    const id = await submitApplication(
      db,
      await authorizeNetwork(db, actor, network.id),
      academy.id,
      { [fieldCriterion!.id]: { met: true, explanation: "Drie rectoren vroegen erom." } },
      "nl",
    );
    await expect(
      submitApplication(db, await authorizeNetwork(db, actor, network.id), academy.id, {}, "nl"),
    ).rejects.toMatchObject({ messageKey: "error.support.alreadySubmitted" });
    // A programme that is not one (a tampered or empty field) is unknown, not a server error.
    for (const programmeId of ["", "garbage", "00000000-0000-4000-8000-000000000000"])
      await expect(
        submitApplication(db, await authorizeNetwork(db, actor, network.id), programmeId, {}, "nl"),
      ).rejects.toThrow(NotFoundError);

    const coordinatorUser = await buildUser(db);
    await makeCoordinator(db, coordinatorUser.id, academy.id);
    const coordinator = await actorFor(db, coordinatorUser);
    expect((await listApplicationsToDecide(db, coordinator)).map((a) => a.id)).toEqual([id]);
    const outsider = await actorFor(db, await buildUser(db));
    await expect(getApplication(db, outsider, id!)).rejects.toThrow(NotFoundError);
    await expect(
      decideApplication(db, actor, id!, {
        decision: "approved",
        note: "",
        stimulusCents: 1,
        purposes: [],
      }),
    ).rejects.toThrow(ForbiddenError);

    const application = await getApplication(db, coordinator, id!);
    expect(
      application.application.evaluation.find((e) => e.label === "Initiatief vanuit het veld"),
    ).toMatchObject({ met: true, detail: "Drie rectoren vroegen erom." });
    await decideApplication(db, coordinator, id!, {
      decision: "approved",
      note: "Mooi initiatief; nodig ons uit in het voorjaar.",
      stimulusCents: 500_000,
      purposes: ["facilitation", "speakers"],
    });
    const view = await getNetwork(db, await authorizeNetwork(db, actor, network.id));
    expect(view.programme?.name).toBe("VO-academie test");
    expect((await getApplication(db, actor, id!)).application).toMatchObject({
      status: "approved",
      stimulusCents: 500_000,
      stimulusPurposes: ["facilitation", "speakers"],
    });
  });
});
