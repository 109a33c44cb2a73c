import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#app/db/client.server.ts";
import { networkMembers, networks, outbox, waitingList } from "#app/db/schema/index.ts";
import { FieldError } from "#app/platform/forms.ts";
import {
  actorFor,
  addNetworkMember,
  addToOrganisation,
  buildNetwork,
  buildRoute,
  buildUser,
} from "../../../tests/factories/index.ts";
import { createTestDatabase } from "../../../tests/test-database.ts";
import { authorizeNetwork } from "../networks/network-access.server.ts";
import { countActiveMembers } from "../networks/networks.server.ts";
import { enrol, getMyStanding, leave } from "./enrolment.server.ts";
import { getMembershipAdmin } from "./members.server.ts";
import { acceptOffer, expireOffers, startSecondNetwork } from "./waiting-list.server.ts";

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

describe("capacity and the waiting list", () => {
  it("never exceeds capacity when many people take the last place at the same moment", async () => {
    const db = database.db;
    const network = await buildNetwork(db, { capacity: 3 });
    for (let i = 0; i < 2; i++) await addNetworkMember(db, network.id, (await buildUser(db)).id);
    const people = await Promise.all(Array.from({ length: 6 }, () => personAt()));
    const outcomes = await Promise.all(
      people.map(async ({ actor }) =>
        enrol(
          db,
          await authorizeNetwork(db, actor, network.id),
          { routeId: "", organisationId: "", ...motivation },
          mail,
        ),
      ),
    );
    expect(outcomes.filter((o) => o.kind === "joined")).toHaveLength(1);
    expect(
      outcomes
        .filter((o) => o.kind === "waiting-list")
        .map((o) => (o.kind === "waiting-list" ? o.position : 0))
        .sort(),
    ).toEqual([1, 2, 3, 4, 5]);
    expect(await countActiveMembers(db, network.id)).toBe(3);
  });

  it("offers a freed place to the first in line by e-mail, who accepts and becomes a member", async () => {
    const db = database.db;
    const network = await buildNetwork(db, {
      capacity: 2,
      offerDays: 5,
      name: "Vrouwelijk Leiderschap",
    });
    const leaver = await personAt();
    await enrol(
      db,
      await authorizeNetwork(db, leaver.actor, network.id),
      { routeId: "", organisationId: "", ...motivation },
      mail,
    );
    await addNetworkMember(db, network.id, (await buildUser(db)).id);
    const first = await personAt();
    const second = await personAt();
    expect(
      await enrol(
        db,
        await authorizeNetwork(db, first.actor, network.id),
        { routeId: "", organisationId: "", ...motivation },
        mail,
      ),
    ).toEqual({ kind: "waiting-list", position: 1 });
    expect(
      await enrol(
        db,
        await authorizeNetwork(db, second.actor, network.id),
        { routeId: "", organisationId: "", ...motivation },
        mail,
      ),
    ).toEqual({ kind: "waiting-list", position: 2 });

    await leave(db, await authorizeNetwork(db, leaver.actor, network.id), mail);
    const standing = await getMyStanding(db, await authorizeNetwork(db, first.actor, network.id));
    expect(standing?.waiting?.status).toBe("offered");
    const days = ((standing?.waiting?.offerExpiresAt?.getTime() ?? 0) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(4.9);
    const [offerMail] = await db
      .select()
      .from(outbox)
      .where(eq(outbox.to, first.user.email))
      .orderBy(desc(outbox.createdAt));
    expect(offerMail?.subject).toContain("Er is een plek vrij");
    expect(
      (await getMyStanding(db, await authorizeNetwork(db, second.actor, network.id)))?.position,
    ).toBe(2);

    // The second in line cannot take the offered place.
    await expect(
      acceptOffer(db, await authorizeNetwork(db, second.actor, network.id)),
    ).rejects.toBeInstanceOf(FieldError);
    await acceptOffer(db, await authorizeNetwork(db, first.actor, network.id));
    expect(
      (await getMyStanding(db, await authorizeNetwork(db, first.actor, network.id)))?.membership
        ?.status,
    ).toBe("active");
    expect(await countActiveMembers(db, network.id)).toBe(2);

    // Who joined and left when, for the penvoerder.
    const admin = await getMembershipAdmin(
      db,
      await authorizeNetwork(
        db,
        await actorFor(db, await buildUser(db, { isPlatformAdmin: true })),
        network.id,
      ),
    );
    expect(admin.history.find((h) => h.name === leaver.user.name)?.status).toBe("left");
    expect(admin.history.find((h) => h.name === leaver.user.name)?.leftAt).toBeInstanceOf(Date);
  });

  it("lets an unanswered offer lapse and offers the place to the next person", async () => {
    const db = database.db;
    const network = await buildNetwork(db, { capacity: 1 });
    const member = await personAt();
    await enrol(
      db,
      await authorizeNetwork(db, member.actor, network.id),
      { routeId: "", organisationId: "", ...motivation },
      mail,
    );
    const slow = await personAt();
    const next = await personAt();
    await enrol(
      db,
      await authorizeNetwork(db, slow.actor, network.id),
      { routeId: "", organisationId: "", ...motivation },
      mail,
    );
    await enrol(
      db,
      await authorizeNetwork(db, next.actor, network.id),
      { routeId: "", organisationId: "", ...motivation },
      mail,
    );
    await leave(db, await authorizeNetwork(db, member.actor, network.id), mail);
    await db
      .update(waitingList)
      .set({ offerExpiresAt: new Date(Date.now() - 1000) })
      .where(and(eq(waitingList.networkId, network.id), eq(waitingList.userId, slow.user.id)));
    expect(await expireOffers(db, mail)).toBeGreaterThanOrEqual(1);
    await expect(
      acceptOffer(db, await authorizeNetwork(db, slow.actor, network.id)),
    ).rejects.toBeInstanceOf(FieldError);
    expect(
      (await getMyStanding(db, await authorizeNetwork(db, next.actor, network.id)))?.waiting
        ?.status,
    ).toBe("offered");
  });

  it("takes no new members in a closed network after its start, but does before", async () => {
    const db = database.db;
    const started = await buildNetwork(db, { openness: "closed", startDate: "2020-09-01" });
    const { actor } = await personAt();
    await expect(
      enrol(
        db,
        await authorizeNetwork(db, actor, started.id),
        { routeId: "", organisationId: "", ...motivation },
        mail,
      ),
    ).rejects.toMatchObject({ messageKey: "error.enrol.closed" });
    const upcoming = await buildNetwork(db, { openness: "closed", startDate: "2099-09-01" });
    expect(
      (
        await enrol(
          db,
          await authorizeNetwork(db, actor, upcoming.id),
          { routeId: "", organisationId: "", ...motivation },
          mail,
        )
      ).kind,
    ).toBe("joined");
  });

  it("starts a second network from a waiting list as long as a whole network", async () => {
    const db = database.db;
    const network = await buildNetwork(db, { capacity: 3, name: "Vrouwelijk Leiderschap 1" });
    const route = await buildRoute(db, network.id, { name: "Deelname" });
    const penvoerder = await personAt();
    await addNetworkMember(db, network.id, penvoerder.user.id, "penvoerder");
    for (let i = 0; i < 2; i++) await addNetworkMember(db, network.id, (await buildUser(db)).id);
    const waiting = [];
    for (let i = 0; i < 3; i++) {
      const person = await personAt();
      await enrol(
        db,
        await authorizeNetwork(db, person.actor, network.id),
        { routeId: route.id, organisationId: "", ...motivation },
        mail,
      );
      waiting.push(person);
    }
    const admin = await getMembershipAdmin(
      db,
      await authorizeNetwork(db, penvoerder.actor, network.id),
    );
    expect(admin.canStartSecond).toBe(true);
    const copyId = await startSecondNetwork(
      db,
      await authorizeNetwork(db, penvoerder.actor, network.id),
      mail,
    );
    const [copy] = await db.select().from(networks).where(eq(networks.id, copyId));
    expect(copy?.name).toBe("Vrouwelijk Leiderschap 2");
    // The penvoerder plus two from the list fill its three places; the third waits there.
    const members = await db
      .select()
      .from(networkMembers)
      .where(and(eq(networkMembers.networkId, copyId), eq(networkMembers.status, "active")));
    expect(members).toHaveLength(3);
    expect(
      (await getMyStanding(db, await authorizeNetwork(db, waiting[2]!.actor, copyId)))?.position,
    ).toBe(1);
    expect(
      (await getMyStanding(db, await authorizeNetwork(db, waiting[0]!.actor, network.id)))?.waiting,
    ).toBeNull();
    // Each is told what happened to them: the first two are members, the third still waits.
    const mailTo = async (email: string) =>
      (
        await db
          .select()
          .from(outbox)
          .where(eq(outbox.to, email))
          .orderBy(desc(outbox.createdAt))
          .limit(1)
      )[0];
    for (const person of waiting.slice(0, 2)) {
      const moved = await mailTo(person.user.email);
      expect(moved?.subject).toBe("Je plek in Vrouwelijk Leiderschap 2");
      expect(moved?.text).toContain("Je bent daar nu lid van");
    }
    const stillWaiting = await mailTo(waiting[2]!.user.email);
    expect(stillWaiting?.subject).toBe("Je staat op de wachtlijst van Vrouwelijk Leiderschap 2");
    expect(stillWaiting?.text).toContain(
      "Je staat nu op de wachtlijst van Vrouwelijk Leiderschap 2, op plaats 1",
    );
    expect(stillWaiting?.text).not.toContain("lid van");
  });
});
