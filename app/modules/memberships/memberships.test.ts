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
  buildOrganisation,
  buildRoute,
  buildUser,
} from "../../../tests/factories/index.ts";
import { createTestDatabase } from "../../../tests/test-database.ts";
import { countActiveMembers } from "../networks/networks.server.ts";
import {
  acceptOffer,
  decideIntake,
  enrol,
  expireOffers,
  getMembershipAdmin,
  getMyStanding,
  leave,
  nominate,
  quoteRoutes,
  setMemberRole,
  startSecondNetwork,
} from "./memberships.server.ts";

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
    const quoteBefore = await quoteRoutes(db, first.actor, network.id, school.id);
    expect(quoteBefore.map((r) => r.quote.priceCents).sort()).toEqual([145_000, 195_000]);

    const outcome = await enrol(
      db,
      first.actor,
      network.id,
      { routeId: withPoints.id, organisationId: school.id, ...motivation },
      mail,
    );
    expect(outcome).toEqual({ kind: "joined", priceCents: 195_000, secondPerson: false });

    const colleague = await personAt(school.id);
    const quote = await quoteRoutes(db, colleague.actor, network.id, school.id);
    expect(quote.find((r) => r.id === withPoints.id)?.quote).toEqual({
      priceCents: 149_500,
      secondPerson: true,
    });
    const second = await enrol(
      db,
      colleague.actor,
      network.id,
      { routeId: withPoints.id, organisationId: school.id, ...motivation },
      mail,
    );
    expect(second).toEqual({ kind: "joined", priceCents: 149_500, secondPerson: true });

    const elsewhere = await personAt((await buildOrganisation(db)).id);
    const otherQuote = await quoteRoutes(db, elsewhere.actor, network.id, null);
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
        actor,
        network.id,
        { routeId: foreign.id, organisationId: "", ...motivation },
        mail,
      ),
    ).rejects.toMatchObject({ field: "routeId" });
    const notMine = await buildOrganisation(db);
    const route = await buildRoute(db, network.id);
    await expect(
      enrol(
        db,
        actor,
        network.id,
        { routeId: route.id, organisationId: notMine.id, ...motivation },
        mail,
      ),
    ).rejects.toMatchObject({ field: "organisationId" });
    expect(await countActiveMembers(db, network.id)).toBe(0);
  });
});

describe("capacity and the waiting list", () => {
  it("never exceeds capacity when many people take the last place at the same moment", async () => {
    const db = database.db;
    const network = await buildNetwork(db, { capacity: 3 });
    for (let i = 0; i < 2; i++) await addNetworkMember(db, network.id, (await buildUser(db)).id);
    const people = await Promise.all(Array.from({ length: 6 }, () => personAt()));
    const outcomes = await Promise.all(
      people.map(({ actor }) =>
        enrol(db, actor, network.id, { routeId: "", organisationId: "", ...motivation }, mail),
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
      leaver.actor,
      network.id,
      { routeId: "", organisationId: "", ...motivation },
      mail,
    );
    await addNetworkMember(db, network.id, (await buildUser(db)).id);
    const first = await personAt();
    const second = await personAt();
    expect(
      await enrol(
        db,
        first.actor,
        network.id,
        { routeId: "", organisationId: "", ...motivation },
        mail,
      ),
    ).toEqual({ kind: "waiting-list", position: 1 });
    expect(
      await enrol(
        db,
        second.actor,
        network.id,
        { routeId: "", organisationId: "", ...motivation },
        mail,
      ),
    ).toEqual({ kind: "waiting-list", position: 2 });

    await leave(db, leaver.actor, network.id, mail);
    const standing = await getMyStanding(db, first.actor, network.id);
    expect(standing?.waiting?.status).toBe("offered");
    const days = ((standing?.waiting?.offerExpiresAt?.getTime() ?? 0) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(4.9);
    const [offerMail] = await db
      .select()
      .from(outbox)
      .where(eq(outbox.to, first.user.email))
      .orderBy(desc(outbox.createdAt));
    expect(offerMail?.subject).toContain("Er is een plek vrij");
    expect((await getMyStanding(db, second.actor, network.id))?.position).toBe(2);

    // The second in line cannot take the offered place.
    await expect(acceptOffer(db, second.actor, network.id)).rejects.toBeInstanceOf(FieldError);
    await acceptOffer(db, first.actor, network.id);
    expect((await getMyStanding(db, first.actor, network.id))?.membership?.status).toBe("active");
    expect(await countActiveMembers(db, network.id)).toBe(2);

    // Who joined and left when, for the penvoerder.
    const admin = await getMembershipAdmin(
      db,
      await actorFor(db, await buildUser(db, { isPlatformAdmin: true })),
      network.id,
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
      member.actor,
      network.id,
      { routeId: "", organisationId: "", ...motivation },
      mail,
    );
    const slow = await personAt();
    const next = await personAt();
    await enrol(
      db,
      slow.actor,
      network.id,
      { routeId: "", organisationId: "", ...motivation },
      mail,
    );
    await enrol(
      db,
      next.actor,
      network.id,
      { routeId: "", organisationId: "", ...motivation },
      mail,
    );
    await leave(db, member.actor, network.id, mail);
    await db
      .update(waitingList)
      .set({ offerExpiresAt: new Date(Date.now() - 1000) })
      .where(and(eq(waitingList.networkId, network.id), eq(waitingList.userId, slow.user.id)));
    expect(await expireOffers(db, mail)).toBeGreaterThanOrEqual(1);
    await expect(acceptOffer(db, slow.actor, network.id)).rejects.toBeInstanceOf(FieldError);
    expect((await getMyStanding(db, next.actor, network.id))?.waiting?.status).toBe("offered");
  });

  it("takes no new members in a closed network after its start, but does before", async () => {
    const db = database.db;
    const started = await buildNetwork(db, { openness: "closed", startDate: "2020-09-01" });
    const { actor } = await personAt();
    await expect(
      enrol(db, actor, started.id, { routeId: "", organisationId: "", ...motivation }, mail),
    ).rejects.toMatchObject({ messageKey: "error.enrol.closed" });
    const upcoming = await buildNetwork(db, { openness: "closed", startDate: "2099-09-01" });
    expect(
      (
        await enrol(
          db,
          actor,
          upcoming.id,
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
        person.actor,
        network.id,
        { routeId: route.id, organisationId: "", ...motivation },
        mail,
      );
      waiting.push(person);
    }
    const admin = await getMembershipAdmin(db, penvoerder.actor, network.id);
    expect(admin.canStartSecond).toBe(true);
    const copyId = await startSecondNetwork(db, penvoerder.actor, network.id, mail);
    const [copy] = await db.select().from(networks).where(eq(networks.id, copyId));
    expect(copy?.name).toBe("Vrouwelijk Leiderschap 2");
    // The penvoerder plus two from the list fill its three places; the third waits there.
    const members = await db
      .select()
      .from(networkMembers)
      .where(and(eq(networkMembers.networkId, copyId), eq(networkMembers.status, "active")));
    expect(members).toHaveLength(3);
    expect((await getMyStanding(db, waiting[2]!.actor, copyId))?.position).toBe(1);
    expect((await getMyStanding(db, waiting[0]!.actor, network.id))?.waiting).toBeNull();
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

describe("roles in a network", () => {
  it("lets the penvoerder make a member facilitator, but never removes the last penvoerder", async () => {
    const db = database.db;
    const network = await buildNetwork(db);
    const penvoerder = await personAt();
    await addNetworkMember(db, network.id, penvoerder.user.id, "penvoerder");
    const member = await personAt();
    await addNetworkMember(db, network.id, member.user.id);
    const rows = (await getMembershipAdmin(db, penvoerder.actor, network.id)).history;
    const memberRow = rows.find((r) => r.name === member.user.name)!;
    const penvoerderRow = rows.find((r) => r.name === penvoerder.user.name)!;
    await expect(
      setMemberRole(db, member.actor, network.id, { memberId: memberRow.id, role: "penvoerder" }),
    ).rejects.toMatchObject({ init: { status: 403 } });
    await setMemberRole(db, penvoerder.actor, network.id, {
      memberId: memberRow.id,
      role: "facilitator",
    });
    expect((await getMyStanding(db, member.actor, network.id))?.membership?.role).toBe(
      "facilitator",
    );
    await expect(
      setMemberRole(db, penvoerder.actor, network.id, {
        memberId: penvoerderRow.id,
        role: "deelnemer",
      }),
    ).rejects.toMatchObject({ messageKey: "error.role.lastPenvoerder" });
    // Nor may the only penvoerder simply leave.
    await expect(leave(db, penvoerder.actor, network.id, mail)).rejects.toMatchObject({
      messageKey: "error.role.lastPenvoerder",
    });
    // The new facilitator may now manage the network's enrolments.
    await expect(
      getMembershipAdmin(db, await actorFor(db, member.user), network.id),
    ).resolves.toBeTruthy();
  });
});

describe("nomination and intake", () => {
  it("lets a member nominate a colleague, who enrols and is accepted or declined by the penvoerder", async () => {
    const db = database.db;
    const network = await buildNetwork(db, {
      joinMode: "nomination",
      name: "Eindverantwoordelijk Schoolleiders",
    });
    const penvoerder = await personAt();
    await addNetworkMember(db, network.id, penvoerder.user.id, "penvoerder");
    const member = await personAt();
    await addNetworkMember(db, network.id, member.user.id);

    const stranger = await personAt();
    await expect(
      enrol(
        db,
        stranger.actor,
        network.id,
        { routeId: "", organisationId: "", ...motivation },
        mail,
      ),
    ).rejects.toMatchObject({ messageKey: "error.enrol.nominationRequired" });
    await expect(
      nominate(db, stranger.actor, network.id, { email: member.user.email, note: "" }, mail),
    ).rejects.toMatchObject({ init: { status: 403 } });

    const candidate = await personAt();
    await nominate(
      db,
      member.actor,
      network.id,
      { email: candidate.user.email, note: "Zij zoekt sparringpartners." },
      mail,
    );
    const [nominationMail] = await db
      .select()
      .from(outbox)
      .where(eq(outbox.to, candidate.user.email));
    expect(nominationMail?.text).toContain("Zij zoekt sparringpartners.");
    expect(
      await enrol(
        db,
        candidate.actor,
        network.id,
        { routeId: "", organisationId: "", ...motivation },
        mail,
      ),
    ).toEqual({ kind: "awaiting-intake" });

    const admin = await getMembershipAdmin(db, penvoerder.actor, network.id);
    const pending = admin.history.find((h) => h.status === "awaiting-intake");
    expect(pending?.nominatedByName).toBe(member.user.name);
    await expect(
      decideIntake(
        db,
        member.actor,
        network.id,
        { memberId: pending!.id, decision: "accept", message: "" },
        mail,
      ),
    ).rejects.toMatchObject({ init: { status: 403 } });
    expect(
      await decideIntake(
        db,
        penvoerder.actor,
        network.id,
        { memberId: pending!.id, decision: "accept", message: "Welkom!" },
        mail,
      ),
    ).toBe("accepted");
    expect((await getMyStanding(db, candidate.actor, network.id))?.membership?.status).toBe(
      "active",
    );

    const declined = await personAt();
    await nominate(db, member.actor, network.id, { email: declined.user.email, note: "" }, mail);
    await enrol(
      db,
      declined.actor,
      network.id,
      { routeId: "", organisationId: "", ...motivation },
      mail,
    );
    const pending2 = (await getMembershipAdmin(db, penvoerder.actor, network.id)).history.find(
      (h) => h.status === "awaiting-intake",
    );
    expect(
      await decideIntake(
        db,
        penvoerder.actor,
        network.id,
        {
          memberId: pending2!.id,
          decision: "decline",
          message: "Dit netwerk is voor eindverantwoordelijken.",
        },
        mail,
      ),
    ).toBe("declined");
    const [declineMail] = await db
      .select()
      .from(outbox)
      .where(eq(outbox.to, declined.user.email))
      .orderBy(desc(outbox.createdAt));
    expect(declineMail?.text).toContain("Dit netwerk is voor eindverantwoordelijken.");
  });
});
