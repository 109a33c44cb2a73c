import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#app/db/client.server.ts";
import {
  assignments,
  buddyGroupMembers,
  buddyGroups,
  buddyMeetings,
  certificates,
  conversationSlots,
  conversations,
  discussionTopics,
  meetingCases,
  meetingPreparers,
  meetingProgrammeItems,
  meetings,
  networkMembers,
  organisationMembers,
  registerActivities,
  registerProfiles,
  submissions,
  surveyInvitations,
  surveys,
  waitingList,
} from "#app/db/schema/index.ts";
import { NotFoundError } from "#app/platform/errors.ts";
import { hashToken } from "#app/platform/tokens.server.ts";
import {
  actorFor,
  addNetworkMember,
  addToOrganisation,
  buildNetwork,
  buildOrganisation,
  buildUser,
} from "../../../tests/factories/index.ts";
import { createTestDatabase } from "../../../tests/test-database.ts";
import { openMySurvey } from "../evaluation/my-surveys.server.ts";
import { getSurveyForToken } from "../evaluation/surveys.server.ts";
import { loadStartPage } from "./start-page.server.ts";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const day = 86_400_000;
const inDays = (n: number, hours = 0) => new Date(Date.now() + n * day + hours * 3_600_000);

async function meeting(
  networkId: string,
  startsInDays: number,
  values: Partial<typeof meetings.$inferInsert> = {},
) {
  const [row] = await database.db
    .insert(meetings)
    .values({
      networkId,
      startsAt: inDays(startsInDays),
      endsAt: inDays(startsInDays, 3),
      mode: "location",
      address: `Zaal ${startsInDays}, Utrecht`,
      ...values,
    })
    .returning();
  if (!row) throw new Error("no meeting");
  return row;
}

async function leave(networkId: string, userId: string) {
  await database.db
    .update(networkMembers)
    .set({ status: "left", leftAt: new Date() })
    .where(and(eq(networkMembers.networkId, networkId), eq(networkMembers.userId, userId)));
}

describe("the personal start page", () => {
  it("shows the soonest coming meeting of my own networks, with its place, what to prepare and my part", async () => {
    const { db } = database;
    const me = await actorFor(db, await buildUser(db, { name: "Anouk Start" }));
    const colleague = await buildUser(db, { name: "Bram Collega" });
    const mine = await buildNetwork(db, { name: "Mijn netwerk" });
    const alsoMine = await buildNetwork(db, { name: "Ook mijn netwerk" });
    const notMine = await buildNetwork(db, { name: "Niet mijn netwerk" });
    const left = await buildNetwork(db, { name: "Verlaten netwerk" });
    await addNetworkMember(db, mine.id, me.userId);
    await addNetworkMember(db, alsoMine.id, me.userId);
    await addNetworkMember(db, notMine.id, colleague.id);
    await addNetworkMember(db, left.id, me.userId);
    await leave(left.id, me.userId);

    expect((await loadStartPage(db, me)).nextMeeting).toBeNull();

    // Sooner meetings that are not mine to go to: past, someone else's, a network I left, cancelled.
    await meeting(mine.id, -3);
    await meeting(notMine.id, 1);
    await meeting(left.id, 1);
    await meeting(alsoMine.id, 2, { cancelledAt: new Date() });
    const next = await meeting(alsoMine.id, 5, {
      theme: "Eigenaarschap",
      address: "Het Leerhuis, Oudegracht 12, Utrecht",
      speakerName: "anouk start",
    });
    await meeting(mine.id, 9, { mode: "online", onlineUrl: "https://zoom.example/j/9" });
    await db
      .insert(meetingProgrammeItems)
      .values({ meetingId: next.id, position: 0, title: "Terugblik", minutes: 20 });
    await db.insert(meetingPreparers).values({ meetingId: next.id, userId: me.userId });
    await db.insert(meetingCases).values({
      meetingId: next.id,
      authorId: me.userId,
      title: "De waan van de dag",
      description: "…",
      question: "Hoe houd je het levend?",
    });

    const page = await loadStartPage(db, me);
    expect(page.nextMeeting).toMatchObject({
      id: next.id,
      networkName: "Ook mijn netwerk",
      theme: "Eigenaarschap",
      place: "Het Leerhuis, Oudegracht 12, Utrecht",
      onlineUrl: "",
      programme: [{ title: "Terugblik", minutes: 20 }],
      cases: [{ title: "De waan van de dag", mine: true }],
      roles: { preparer: true, caseOwner: true, speaker: true },
    });
    expect(page.networks.map((n) => n.name)).toEqual(["Mijn netwerk", "Ook mijn netwerk"]);

    // Once it is cancelled, the online one is next, and it carries its link instead of a place.
    await db.update(meetings).set({ cancelledAt: new Date() }).where(eq(meetings.id, next.id));
    expect((await loadStartPage(db, me)).nextMeeting).toMatchObject({
      networkName: "Mijn netwerk",
      place: "",
      onlineUrl: "https://zoom.example/j/9",
      roles: { preparer: false, caseOwner: false, speaker: false },
    });
  });

  it("counts what is new in each network, and nothing of a network I left", async () => {
    const { db } = database;
    const me = await actorFor(db, await buildUser(db));
    const other = await buildUser(db);
    const mine = await buildNetwork(db);
    const left = await buildNetwork(db);
    await addNetworkMember(db, mine.id, me.userId);
    await addNetworkMember(db, left.id, me.userId);
    await addNetworkMember(db, mine.id, other.id);
    for (const networkId of [mine.id, mine.id, left.id])
      await db.insert(discussionTopics).values({
        networkId,
        authorId: other.id,
        title: "Een vraag",
        body: "Wie weet dit?",
        createdAt: inDays(1),
        lastActivityAt: inDays(1),
      });
    await leave(left.id, me.userId);
    const page = await loadStartPage(db, me);
    expect(page.networks).toEqual([expect.objectContaining({ id: mine.id, unreadTopics: 2 })]);
  });

  it("lists my open tasks with their dates, and drops each once it is done", async () => {
    const { db } = database;
    const me = await actorFor(db, await buildUser(db));
    const facilitator = await buildUser(db);
    const course = await buildNetwork(db, { name: "Leergang" });
    const full = await buildNetwork(db, { name: "Vol netwerk" });
    const memberId = await addNetworkMember(db, course.id, me.userId);
    await addNetworkMember(db, course.id, facilitator.id, "facilitator");
    const stranger = await buildNetwork(db);

    expect((await loadStartPage(db, me)).tasks).toEqual([]);

    const [offerLapses, firstSlot, due] = [inDays(2), inDays(4), inDays(10)];
    const [assignment] = await db
      .insert(assignments)
      .values({ networkId: course.id, title: "Visie op leren", dueAt: due })
      .returning();
    // an assignment of a course I am not in is not mine
    await db
      .insert(assignments)
      .values({ networkId: stranger.id, title: "Niet voor mij", dueAt: inDays(3) });
    const [talk] = await db
      .insert(conversations)
      .values({
        memberId,
        facilitatorId: facilitator.id,
        stepNumber: 2,
        kind: "intake",
        status: "proposed",
      })
      .returning();
    if (!assignment || !talk) throw new Error("setup");
    await db.insert(conversationSlots).values([
      { conversationId: talk.id, startsAt: firstSlot, endsAt: inDays(4, 1) },
      { conversationId: talk.id, startsAt: inDays(6), endsAt: inDays(6, 1) },
    ]);
    const [survey] = await db
      .insert(surveys)
      .values({ networkId: course.id, kind: "baseline", title: "Nulmeting", sentAt: new Date() })
      .returning();
    if (!survey) throw new Error("setup");
    await db
      .insert(surveyInvitations)
      .values({ surveyId: survey.id, userId: me.userId, tokenHash: hashToken("mailed") });
    await db.insert(waitingList).values({
      networkId: full.id,
      userId: me.userId,
      status: "offered",
      offerExpiresAt: offerLapses,
    });

    const page = await loadStartPage(db, me);
    expect(page.tasks.map((task) => [task.kind, task.networkName, task.dueAt])).toEqual([
      ["offer", "Vol netwerk", offerLapses],
      ["slot", "Leergang", firstSlot],
      ["assignment", "Leergang", due],
      ["survey", "Leergang", null],
    ]);
    expect(page.tasks.find((task) => task.kind === "slot")).toMatchObject({
      conversation: "intake",
      path: `/netwerken/${course.id}/gesprekken/${talk.id}`,
    });

    // The survey opens from the start page with a fresh one-time link; nobody else's opens.
    const token = await openMySurvey(db, me, survey.id);
    expect((await getSurveyForToken(db, token))?.survey.id).toBe(survey.id);
    const someone = await actorFor(db, await buildUser(db));
    await expect(openMySurvey(db, someone, survey.id)).rejects.toBeInstanceOf(NotFoundError);

    // Done, one by one: handed in, a time chosen, answered, the place taken.
    await db
      .insert(submissions)
      .values({ assignmentId: assignment.id, userId: me.userId, text: "Mijn visie" });
    await db
      .update(conversations)
      .set({ status: "confirmed", startsAt: inDays(4), endsAt: inDays(4, 1) })
      .where(eq(conversations.id, talk.id));
    await db
      .update(surveyInvitations)
      .set({ answered: true })
      .where(eq(surveyInvitations.surveyId, survey.id));
    await db
      .update(waitingList)
      .set({ status: "accepted" })
      .where(eq(waitingList.userId, me.userId));
    expect((await loadStartPage(db, me)).tasks).toEqual([]);
    await expect(openMySurvey(db, me, survey.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("shows my buddy group's next meeting only while I am in its network", async () => {
    const { db } = database;
    const me = await actorFor(db, await buildUser(db));
    const network = await buildNetwork(db, { name: "Met maatjes" });
    await addNetworkMember(db, network.id, me.userId);
    const [group] = await db.insert(buddyGroups).values({ networkId: network.id }).returning();
    if (!group) throw new Error("setup");
    await db
      .insert(buddyGroupMembers)
      .values({ groupId: group.id, networkId: network.id, userId: me.userId });
    await db.insert(buddyMeetings).values([
      { groupId: group.id, startsAt: inDays(-2), endsAt: inDays(-2, 1), place: "Vorige keer" },
      { groupId: group.id, startsAt: inDays(8), endsAt: inDays(8, 1), place: "Koffiehuis" },
    ]);
    expect((await loadStartPage(db, me)).buddyMeeting).toMatchObject({
      place: "Koffiehuis",
      networkName: "Met maatjes",
    });
    await leave(network.id, me.userId);
    expect((await loadStartPage(db, me)).buddyMeeting).toBeNull();
  });

  it("shows points only to someone with a register cycle, and my certificates with their download", async () => {
    const { db } = database;
    const teacher = await actorFor(db, await buildUser(db));
    const leader = await actorFor(db, await buildUser(db));
    expect((await loadStartPage(db, teacher)).points).toBeNull();

    await db
      .insert(registerProfiles)
      .values({ userId: leader.userId, cycleStart: "2025-09-01", cycleYears: 4 });
    expect((await loadStartPage(db, leader)).points).toMatchObject({
      points: 0,
      required: 100,
      needed: 100,
      due: "2029-09-01",
    });
    const [certificate] = await db
      .insert(certificates)
      .values({
        code: `KN-${Date.now()}`,
        userId: leader.userId,
        participantName: "Leider",
        title: "Netwerk Autopoiesis",
        routeName: "Met herregistratie",
        provider: "VO-academie",
        startDate: "2026-01-27",
        endDate: "2026-06-30",
        hours: 80,
        points: 35,
      })
      .returning();
    if (!certificate) throw new Error("setup");
    await db.insert(registerActivities).values({
      userId: leader.userId,
      source: "route",
      title: "Netwerk Autopoiesis",
      learningForm: "formal",
      startDate: "2026-01-27",
      endDate: "2026-06-30",
      points: 35,
      certificateId: certificate.id,
    });
    const page = await loadStartPage(db, leader);
    expect(page.points).toMatchObject({ points: 35, needed: 65 });
    expect(page.certificates).toEqual([
      expect.objectContaining({ id: certificate.id, points: 35 }),
    ]);
    // Someone else's certificate is never on my page.
    expect((await loadStartPage(db, teacher)).certificates).toEqual([]);
  });

  it("offers the knowledge search of the schools that confirmed me, not of a school I only claim", async () => {
    const { db } = database;
    const me = await actorFor(db, await buildUser(db));
    const school = await buildOrganisation(db, { name: "Mijn school" });
    await addToOrganisation(db, me.userId, school.id);
    const claimed = await buildOrganisation(db, { name: "Geclaimde school" });
    await db
      .insert(organisationMembers)
      .values({ userId: me.userId, organisationId: claimed.id, status: "requested" });
    expect((await loadStartPage(db, me)).schools).toEqual([{ id: school.id, name: "Mijn school" }]);
  });
});
