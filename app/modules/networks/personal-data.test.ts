import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#app/db/client.server.ts";
import { networkPhaseChanges, networks, supportApplications } from "#app/db/schema/index.ts";
import {
  actorFor,
  addNetworkMember,
  buildNetwork,
  buildProgramme,
  buildUser,
  makeCoordinator,
} from "../../../tests/factories/index.ts";
import { createTestDatabase } from "../../../tests/test-database.ts";
import { authorizeNetwork } from "./network-access.server.ts";
import { getNetwork } from "./networks.server.ts";
import { personalDataProvider } from "./personal-data.server.ts";
import { getApplication } from "./support.server.ts";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

/** A network the person proposed, moved to a phase and applied for support for; a coordinator decided. */
async function setup(name: string) {
  const { db } = database;
  const person = await buildUser(db, { name });
  const coordinator = await buildUser(db, { name: "Coördinator Quirine" });
  const programme = await buildProgramme(db);
  await makeCoordinator(db, coordinator.id, programme.id);
  const network = await buildNetwork(db, { name: `Netwerk van ${name}`, createdBy: person.id });
  await addNetworkMember(db, network.id, person.id, "penvoerder");
  await db.insert(networkPhaseChanges).values({
    networkId: network.id,
    phase: "cultiveren",
    note: "We zijn met zes vaste leden.",
    changedBy: person.id,
  });
  const [application] = await db
    .insert(supportApplications)
    .values({
      networkId: network.id,
      programmeId: programme.id,
      status: "approved",
      submittedBy: person.id,
      declarations: {},
      evaluation: [],
      decidedBy: coordinator.id,
      decidedAt: new Date(),
      decisionNote: "Van harte.",
    })
    .returning({ id: supportApplications.id });
  return { person, coordinator, network, programme, applicationId: application?.id as string };
}

describe("networks: personal data", () => {
  it("exports the networks they proposed, phases they set and applications they made or decided, not another's", async () => {
    const { db } = database;
    const mine = await setup("Rosa Export");
    await setup("Sem Ander");
    const { data } = await personalDataProvider.export(db, mine.person.id);
    expect(data).toMatchObject({
      proposedNetworks: [{ network: "Netwerk van Rosa Export" }],
      phaseChanges: [{ phase: "cultiveren", note: "We zijn met zes vaste leden." }],
      applicationsSubmitted: [{ programme: mine.programme.name, status: "approved" }],
      applicationsDecided: [],
    });
    expect(JSON.stringify(data)).not.toContain("Sem Ander");
    const decided = await personalDataProvider.export(db, mine.coordinator.id);
    expect(decided.data).toMatchObject({
      applicationsDecided: [{ network: "Netwerk van Rosa Export", decisionNote: "Van harte." }],
    });
  });

  it("after erasure the network, its history and its application stay, without their name", async () => {
    const { db } = database;
    const { person, coordinator, network, applicationId } = await setup("Tijmen Weg");
    await db.transaction((tx) => personalDataProvider.erase(tx, person.id));

    const [kept] = await db.select().from(networks).where(eq(networks.id, network.id));
    expect(kept?.createdBy).toBeNull();
    const asCoordinator = await actorFor(db, coordinator);
    const application = await getApplication(db, asCoordinator, applicationId);
    expect(application.application.status).toBe("approved");
    expect(application.application.submittedBy).toBeNull();
    expect(application.submittedByName).toBeNull();
    const [phase] = await db
      .select()
      .from(networkPhaseChanges)
      .where(eq(networkPhaseChanges.networkId, network.id));
    expect(phase).toMatchObject({ changedBy: null, phase: "cultiveren" });
    // The coordinator who decided is someone else and keeps their part.
    expect(application.application.decidedBy).toBe(coordinator.id);
    const shown = await getNetwork(db, await authorizeNetwork(db, asCoordinator, network.id));
    expect(shown.phaseChanges.map((p) => p.by)).toEqual([null]);
  });
});
