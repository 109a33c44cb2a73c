import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#app/db/client.server.ts";
import { networkMembers, waitingList } from "#app/db/schema/index.ts";
import {
  actorFor,
  addNetworkMember,
  buildNetwork,
  buildUser,
} from "../../../tests/factories/index.ts";
import { createTestDatabase } from "../../../tests/test-database.ts";
import { authorizeNetwork } from "../networks/network-access.server.ts";
import { getNetwork } from "../networks/networks.server.ts";
import { getMembershipAdmin } from "./members.server.ts";
import { personalDataProvider } from "./personal-data.server.ts";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

/**
 * The person is a member of one network (with a motivation and a nomination), left another,
 * waits for a third, and nominated a colleague in the first.
 */
async function setup(name: string, label: string) {
  const { db } = database;
  const person = await buildUser(db, { name });
  const penvoerder = await buildUser(db, { name: `Penvoerder ${label}` });
  const colleague = await buildUser(db, { name: `Collega ${label}` });
  const network = await buildNetwork(db, { name: `Netwerk ${label}` });
  const former = await buildNetwork(db, { name: `Vorig netwerk ${label}` });
  const full = await buildNetwork(db, { name: `Vol netwerk ${label}` });
  for (const n of [network, former, full]) {
    await addNetworkMember(db, n.id, penvoerder.id, "penvoerder");
  }
  const memberId = await addNetworkMember(db, network.id, person.id);
  await db
    .update(networkMembers)
    .set({
      motivation: `Ik, ${name}, wil leren over toetsing.`,
      nominatedBy: penvoerder.id,
      nominationNote: "Sterke collega.",
    })
    .where(eq(networkMembers.id, memberId));
  await db.insert(networkMembers).values({
    networkId: former.id,
    userId: person.id,
    role: "deelnemer",
    status: "left",
    leftAt: new Date(),
  });
  await db.insert(waitingList).values({
    networkId: full.id,
    userId: person.id,
    status: "waiting",
    motivation: "Graag erbij.",
  });
  await db.insert(networkMembers).values({
    networkId: network.id,
    userId: colleague.id,
    role: "deelnemer",
    status: "nominated",
    nominatedBy: person.id,
    nominationNote: `Voorgedragen door ${name}.`,
  });
  return { person, penvoerder, colleague, network, former, full };
}

describe("memberships: personal data", () => {
  it("exports their memberships, waiting list and nominations, not another member's", async () => {
    const { db } = database;
    const mine = await setup("Uma Export", "A");
    await setup("Vera Ander", "B");
    const { data } = await personalDataProvider.export(db, mine.person.id);
    expect(data).toMatchObject({
      memberships: [
        {
          network: "Netwerk A",
          status: "active",
          motivation: "Ik, Uma Export, wil leren over toetsing.",
          nominatedBy: "Penvoerder A",
          nominationNote: "Sterke collega.",
        },
        { network: "Vorig netwerk A", status: "left" },
      ],
      waitingList: [{ network: "Vol netwerk A", motivation: "Graag erbij." }],
      nominations: [{ nominee: "Collega A" }],
    });
    expect(JSON.stringify(data)).not.toContain("Vera");
  });

  it("after erasure no member list, history or waiting list names them; the others stay", async () => {
    const { db } = database;
    const { person, penvoerder, colleague, network, former, full } = await setup("Wouter Weg", "C");
    const asPenvoerder = await actorFor(db, penvoerder);
    const before = await getNetwork(db, await authorizeNetwork(db, asPenvoerder, network.id));
    expect(before.members?.map((m) => m.name)).toContain("Wouter Weg");

    await db.transaction((tx) => personalDataProvider.erase(tx, person.id));

    const shown = [];
    for (const n of [network, former, full]) {
      const net = await authorizeNetwork(db, asPenvoerder, n.id);
      shown.push(await getNetwork(db, net), await getMembershipAdmin(db, net));
    }
    expect(JSON.stringify(shown)).not.toContain("Wouter");
    const after = await getNetwork(db, await authorizeNetwork(db, asPenvoerder, network.id));
    expect(after.members?.map((m) => m.name)).toEqual(["Penvoerder C"]);
    expect(after.memberCount).toBe(1);
    const admin = await getMembershipAdmin(
      db,
      await authorizeNetwork(db, asPenvoerder, network.id),
    );
    // The colleague they nominated is still up for intake, without the nominator's name.
    expect(admin.history.find((h) => h.name === colleague.name)).toMatchObject({
      status: "nominated",
      nominatedByName: null,
      nominationNote: "",
    });
    expect(await db.select().from(waitingList).where(eq(waitingList.userId, person.id))).toEqual(
      [],
    );
  });
});
