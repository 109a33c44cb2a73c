import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#app/db/client.server.ts";
import {
  actorFor,
  addToOrganisation,
  buildNetwork,
  buildOrganisation,
  buildRoute,
  buildUser,
} from "../../../tests/factories/index.ts";
import { createTestDatabase } from "../../../tests/test-database.ts";
import { authorizeNetwork } from "../networks/network-access.server.ts";
import { countActiveMembers } from "../networks/networks.server.ts";
import { enrol, quoteRoutes } from "./enrolment.server.ts";

let database: Database;

const mail = { baseUrl: "https://knooppunt.test" };

const motivation = { motivation: "Ik wil leren van collega's.", learningQuestionDraft: "" };

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.close();
});

async function personAt(organisationId: string | null = null) {
  const user = await buildUser(database.db);
  if (organisationId) await addToOrganisation(database.db, user.id, organisationId);
  return { user, actor: await actorFor(database.db, user) };
}

describe("pricing (seed A, Netwerk Autopoiesis)", () => {
  it("charges €1950 on the re-registration route, and €1495 to a second person from the same school", async () => {
    const db = database.db;
    const network = await buildNetwork(db);
    const withPoints = await buildRoute(db, network.id, {
      name: "Met herregistratie Schoolleider PO",
      priceCents: 195_000,
      secondPersonPriceCents: 149_500,
    });
    await buildRoute(db, network.id, {
      name: "Zonder herregistratie",
      priceCents: 145_000,
      secondPersonPriceCents: 99_500,
    });
    const school = await buildOrganisation(db, { sector: "PO" });
    const first = await personAt(school.id);
    const quoteBefore = await quoteRoutes(
      db,
      await authorizeNetwork(db, first.actor, network.id),
      school.id,
    );
    expect(quoteBefore.map((r) => r.quote.priceCents).sort()).toEqual([145_000, 195_000]);

    const outcome = await enrol(
      db,
      await authorizeNetwork(db, first.actor, network.id),
      { routeId: withPoints.id, organisationId: school.id, ...motivation },
      mail,
    );
    expect(outcome).toEqual({ kind: "joined", priceCents: 195_000, secondPerson: false });

    const colleague = await personAt(school.id);
    const quote = await quoteRoutes(
      db,
      await authorizeNetwork(db, colleague.actor, network.id),
      school.id,
    );
    expect(quote.find((r) => r.id === withPoints.id)?.quote).toEqual({
      priceCents: 149_500,
      secondPerson: true,
    });
    const second = await enrol(
      db,
      await authorizeNetwork(db, colleague.actor, network.id),
      { routeId: withPoints.id, organisationId: school.id, ...motivation },
      mail,
    );
    expect(second).toEqual({ kind: "joined", priceCents: 149_500, secondPerson: true });

    const elsewhere = await personAt((await buildOrganisation(db)).id);
    const otherQuote = await quoteRoutes(
      db,
      await authorizeNetwork(db, elsewhere.actor, network.id),
      null,
    );
    expect(otherQuote.find((r) => r.id === withPoints.id)?.quote.priceCents).toBe(195_000);
  });

  it("refuses a route of another network and a school the person does not work at", async () => {
    const db = database.db;
    const network = await buildNetwork(db);
    await buildRoute(db, network.id);
    const foreign = await buildRoute(db, (await buildNetwork(db)).id);
    const { actor } = await personAt();
    await expect(
      enrol(
        db,
        await authorizeNetwork(db, actor, network.id),
        { routeId: foreign.id, organisationId: "", ...motivation },
        mail,
      ),
    ).rejects.toMatchObject({ field: "routeId" });
    const notMine = await buildOrganisation(db);
    const route = await buildRoute(db, network.id);
    await expect(
      enrol(
        db,
        await authorizeNetwork(db, actor, network.id),
        { routeId: route.id, organisationId: notMine.id, ...motivation },
        mail,
      ),
    ).rejects.toMatchObject({ field: "organisationId" });
    expect(await countActiveMembers(db, network.id)).toBe(0);
  });
});
