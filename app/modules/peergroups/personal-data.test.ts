import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#app/db/client.server.ts";
import { intervisionNotes } from "#app/db/schema/index.ts";
import {
  actorFor,
  addNetworkMember,
  buildNetwork,
  buildUser,
} from "../../../tests/factories/index.ts";
import { createTestDatabase } from "../../../tests/test-database.ts";
import { authorizeNetwork } from "../networks/network-access.server.ts";
import { eraseAccount } from "../privacy/erasure.server.ts";
import { addAgreement, addBuddyNote, formBuddyGroup, getBuddySpace } from "./buddies.server.ts";
import { authorizeBuddyGroup, authorizeIntervisionGroup } from "./group-access.server.ts";
import {
  addSessionNote,
  bringCase,
  createIntervisionGroup,
  getIntervisionGroup,
  getSession,
  listIntervisionGroups,
} from "./intervision.server.ts";
import { listMethods } from "./intervision-methods.server.ts";
import { personalDataProvider } from "./personal-data.server.ts";

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

describe("peergroups: buddy and intervision groups after erasure", () => {
  it("exports their own case and notes, not the others'; erasing takes them out of both groups with their case and notes", async () => {
    const { db } = database;
    const network = await buildNetwork(db, { openness: "closed" });
    const guide = await actorFor(db, await buildUser(db));
    await addNetworkMember(db, network.id, guide.userId, "facilitator");
    const built = [
      await buildUser(db, { name: "Marloes Brinkhorst" }),
      await buildUser(db),
      await buildUser(db),
    ];
    const [marloes, kees, ilse] = await Promise.all(built.map((u) => actorFor(db, u)));
    if (!marloes || !kees || !ilse) throw new Error("setup");
    for (const p of [marloes, kees, ilse]) await addNetworkMember(db, network.id, p.userId);
    const net = (actor: typeof guide) => authorizeNetwork(db, actor, network.id);

    // Buddies: Marloes and Kees, each with a note, and an agreement by Marloes.
    const buddyGroupId = await formBuddyGroup(db, await net(marloes), [
      marloes.userId,
      kees.userId,
    ]);
    const buddy = async (actor: typeof guide) =>
      authorizeBuddyGroup(db, await net(actor), buddyGroupId);
    await addBuddyNote(db, await buddy(marloes), "Ik worstel met mijn rol als teamleider.", "/x");
    await addBuddyNote(db, await buddy(kees), "Kees: ik ook, soms.", "/x");
    await addAgreement(db, await buddy(marloes), "Elke maand bellen");

    // Intervision: three of them; Marloes brings a case, Kees one; notes on both.
    const groupId = await createIntervisionGroup(db, await net(guide), {
      name: "Groep Noord",
      userIds: [marloes.userId, kees.userId, ilse.userId],
    });
    const intervision = async (actor: typeof guide) =>
      authorizeIntervisionGroup(db, await net(actor), groupId);
    const [method] = await listMethods(db);
    if (!method) throw new Error("seeded methods missing");
    const marloesCase = await bringCase(
      db,
      await intervision(marloes),
      {
        caseTitle: "Conflict met mijn adjunct",
        caseText: "Hij ondermijnt mijn besluiten.",
        methodId: method.id,
      },
      () => "/x",
    );
    await addSessionNote(db, await intervision(kees), marloesCase, "Wat wil je zelf?");
    const keesCase = await bringCase(
      db,
      await intervision(kees),
      { caseTitle: "Kees' casus", caseText: "Vertrouwelijk van Kees.", methodId: method.id },
      () => "/x",
    );
    await addSessionNote(db, await intervision(marloes), keesCase, "Marloes: wat zegt je team?");
    await addSessionNote(db, await intervision(ilse), keesCase, "Ilse denkt mee.");

    const exported = JSON.stringify((await personalDataProvider.export(db, marloes.userId)).data);
    expect(exported).toContain("Ik worstel met mijn rol als teamleider.");
    expect(exported).toContain("Elke maand bellen");
    expect(exported).toContain("Hij ondermijnt mijn besluiten.");
    expect(exported).toContain("Wat wil je zelf?");
    expect(exported).toContain("Marloes: wat zegt je team?");
    expect(exported).not.toContain("Vertrouwelijk van Kees.");
    expect(exported).not.toContain("Kees: ik ook, soms.");
    expect(exported).not.toContain("Ilse denkt mee.");

    await erase(marloes.userId);

    const space = await getBuddySpace(db, await buddy(kees));
    expect(space.members.map((m) => m.userId)).toEqual([kees.userId]);
    expect(space.notes.map((n) => n.body)).toEqual(["Kees: ik ook, soms."]);
    expect(space.agreements.map((a) => a.text)).toEqual(["Elke maand bellen"]);

    const listed = await listIntervisionGroups(db, await net(guide));
    expect(listed.groups.map((g) => g.members.map((m) => m.userId).sort())).toEqual([
      [kees.userId, ilse.userId].sort(),
    ]);
    const group = await getIntervisionGroup(db, await intervision(kees));
    expect(group.sessions.map((s) => s.caseTitle)).toEqual(["Kees' casus"]);
    const session = await getSession(db, await intervision(kees), keesCase);
    expect(JSON.stringify(session)).not.toContain("Marloes");
    expect(
      (
        await db.select().from(intervisionNotes).where(eq(intervisionNotes.sessionId, keesCase))
      ).map((n) => n.body),
    ).toEqual(["Ilse denkt mee."]);
    for (const view of [space, listed, group, session])
      expect(JSON.stringify(view)).not.toContain("Brinkhorst");
  });
});
