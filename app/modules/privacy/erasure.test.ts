import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { log } from "#app/core/logger.server.ts";
import type { Database } from "#app/db/client.server.ts";
import { attendance, certificates, networkMembers, users } from "#app/db/schema/index.ts";
import { sendMail } from "#app/platform/mailer.server.ts";
import type { PersonalDataProvider } from "#app/platform/personal-data.ts";
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
import { listPeople, updateProfile } from "../accounts/profile.server.ts";
import { createSession, findSessionUser } from "../accounts/sessions.server.ts";
import { createTopic, getTopic, listTopics } from "../discussion/discussion.server.ts";
import { replyToTopic } from "../discussion/replies.server.ts";
import { recordAttendance } from "../meetings/attendance.server.ts";
import { meetingForm } from "../meetings/meetings.fixtures.ts";
import { createMeeting, getMeeting } from "../meetings/meetings.server.ts";
import { getMembershipAdmin } from "../memberships/members.server.ts";
import { authorizeNetwork } from "../networks/network-access.server.ts";
import { getNetwork } from "../networks/networks.server.ts";
import { listOutbox } from "../notifications/outbox.server.ts";
import { getOrganisation } from "../organisations/organisations.server.ts";
import { issueCertificateForMember, verifyCertificate } from "../register/certificates.server.ts";
import { saveRegisterProfile } from "../register/ledger.server.ts";
import { eraseAccount } from "./erasure.server.ts";
import { personalDataProviders } from "./register.server.ts";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const page = { page: 1, perPage: 24, offset: 0 };

/**
 * Petronella works at a school, is a member of a network with a facilitator and a colleague,
 * was at a meeting, completed the route with a certificate, asked a question the colleague
 * answered, has mail in the outbox and is signed in.
 */
async function petronellaAndHerNetwork(suffix: string) {
  const { db } = database;
  const name = `Petronella Doorn${suffix}`;
  const email = ["petronella.doorn", suffix, "@zonnewijzer.test"].join("");
  const person = await buildUser(db, { name, email });
  const colleague = await buildUser(db, { name: `Quinten Blijft${suffix}` });
  const facilitator = await buildUser(db, { name: `Rianne Begeleider${suffix}` });
  const admin = await buildUser(db, { isPlatformAdmin: true });
  const asPerson = await actorFor(db, person);
  await updateProfile(db, asPerson, person.id, {
    name,
    jobFunction: "schoolleider",
    jobFunctionOther: "",
    regionId: "",
    bio: "Directeur van De Zonnewijzer.",
    expertise: [`toetsing${suffix}`],
  });
  const school = await buildOrganisation(db, { name: `De Zonnewijzer${suffix}` });
  await addToOrganisation(db, person.id, school.id);
  await addToOrganisation(db, colleague.id, school.id, "admin");

  const network = await buildNetwork(db, {
    name: `Netwerk schoolleiders${suffix}`,
    startDate: "2026-09-01",
    endDate: "2027-07-15",
  });
  const route = await buildRoute(db, network.id, {
    name: "Met herregistratie",
    minMeetings: 1,
    registerPoints: 85,
    registerThemes: ["Verandermanagement"],
  });
  await addNetworkMember(db, network.id, facilitator.id, "facilitator");
  const memberId = await addNetworkMember(db, network.id, person.id, "deelnemer", null, route.id);
  await addNetworkMember(db, network.id, colleague.id, "deelnemer", null, route.id);
  await db
    .update(networkMembers)
    .set({ joinedAt: new Date("2026-08-15T09:00:00Z") })
    .where(eq(networkMembers.networkId, network.id));
  const asFacilitator = await authorizeNetwork(db, await actorFor(db, facilitator), network.id);
  const meetingId = await createMeeting(db, asFacilitator, meetingForm());
  await recordAttendance(
    db,
    asFacilitator,
    meetingId,
    { [person.id]: "present", [colleague.id]: "present" },
    new Date("2026-10-07T12:00:00Z"),
  );
  await db
    .update(networkMembers)
    .set({ routeCompletedAt: new Date("2026-11-20T12:00:00Z") })
    .where(eq(networkMembers.id, memberId));
  await saveRegisterProfile(db, asPerson, { cycleStart: "2024-08-26", cycleYears: 4 });
  await issueCertificateForMember(db, memberId, facilitator.id);

  const asPersonInNetwork = await authorizeNetwork(db, asPerson, network.id);
  const asColleague = await authorizeNetwork(db, await actorFor(db, colleague), network.id);
  const topicId = await createTopic(db, asPersonInNetwork, {
    kind: "question",
    title: "Hoe organiseren jullie de rapportvergadering?",
    body: `Graag tips.\n\nGroet, ${name}`,
    themes: [],
    meetingId: null,
  });
  await replyToTopic(db, asColleague, topicId, {
    parentId: null,
    body: "Wij doen het per bouw.",
  });
  await sendMail(db, { to: email, subject: "Welkom", text: "Hoi", kind: "mail.verify" });
  const token = await createSession(db, {
    userId: person.id,
    userAgent: "Firefox",
    ipAddress: "10.0.0.1",
  });
  const colleagueToken = await createSession(db, {
    userId: colleague.id,
    userAgent: "Safari",
    ipAddress: "10.0.0.2",
  });
  return {
    person,
    name,
    email,
    colleague,
    facilitator,
    admin: await actorFor(db, admin),
    school,
    network,
    meetingId,
    topicId,
    token,
    colleagueToken,
    asFacilitator,
    asColleague,
  };
}

async function certificateCodeOf(userId: string) {
  const [row] = await database.db
    .select({ code: certificates.code })
    .from(certificates)
    .where(eq(certificates.userId, userId));
  return row?.code ?? "";
}

describe("eraseAccount", () => {
  it("after erasure nothing findable names the person; attendance counts, the thread and the certificate survive", async () => {
    const { db } = database;
    const world = await petronellaAndHerNetwork("");
    const { person, name, email, colleague, admin, school, network, meetingId, topicId } = world;
    const code = await certificateCodeOf(person.id);
    const asColleague = await actorFor(db, colleague);
    const attendanceBefore = await db
      .select({ n: count() })
      .from(attendance)
      .where(eq(attendance.meetingId, meetingId));
    // Tests run with LOG_LEVEL=silent: what matters is what is handed to the logger.
    const logged = vi.spyOn(log, "info");

    await eraseAccount(db, person.id, { reason: "self" });

    // The people search, by name, e-mail or expertise.
    for (const query of ["Petronella", "Doorn", email, "toetsing"]) {
      expect((await listPeople(db, asColleague, { query, page })).people, query).toEqual([]);
    }
    expect((await listPeople(db, asColleague, { tag: "toetsing", page })).people).toEqual([]);
    // The network's member list and its membership history.
    const asFacilitator = await authorizeNetwork(
      db,
      await actorFor(db, world.facilitator),
      network.id,
    );
    const shownNetwork = await getNetwork(db, asFacilitator);
    expect(shownNetwork.members?.map((m) => m.userId)).not.toContain(person.id);
    const history = await getMembershipAdmin(db, asFacilitator);
    // The admin outbox; the school's member list.
    const outboxList = await listOutbox(db, admin);
    const schoolPage = await getOrganisation(db, asColleague, school.id);
    expect(schoolPage.people?.map((p) => p.id)).toEqual([colleague.id]);
    // The discussion: her question stays for the answer's sake, as 'Oud-lid'.
    const thread = await getTopic(db, world.asColleague, topicId);
    expect(thread.topic.authorName).toBe("Oud-lid");
    expect(thread.posts.map((p) => p.body)).toEqual(["Wij doen het per bouw."]);
    const topics = await listTopics(db, world.asColleague, { q: "Doorn" });
    expect(topics.topics).toEqual([]);
    const meeting = await getMeeting(db, asFacilitator, meetingId);
    for (const [where, view] of Object.entries({
      shownNetwork,
      history,
      outboxList,
      schoolPage,
      thread,
      meeting,
    })) {
      const text = JSON.stringify(view);
      expect(text, where).not.toContain("Petronella");
      expect(text, where).not.toContain("Doorn");
      expect(text.toLowerCase(), where).not.toContain(email);
    }

    // What must survive: the meeting's count, the certificate as printed, the colleague.
    const attendanceAfter = await db
      .select({ n: count() })
      .from(attendance)
      .where(eq(attendance.meetingId, meetingId));
    expect(attendanceAfter).toEqual(attendanceBefore);
    expect(meeting.attendance.filter((a) => a.status === "present")).toHaveLength(2);
    expect(await verifyCertificate(db, code)).toMatchObject({
      participantName: name,
      points: 85,
      revokedAt: null,
    });
    expect(shownNetwork.members?.map((m) => m.name)).toEqual([
      "Rianne Begeleider",
      "Quinten Blijft",
    ]);
    expect(
      (await listPeople(db, asColleague, { query: "Quinten", page })).people.map((p) => p.id),
    ).toEqual([colleague.id]);
    expect(await findSessionUser(db, world.colleagueToken)).not.toBeNull();

    // Signed out everywhere; the tombstone cannot log in.
    expect(await findSessionUser(db, world.token)).toBeNull();
    const [tombstone] = await db.select().from(users).where(eq(users.id, person.id));
    expect(tombstone).toMatchObject({ name: "Oud-lid", passwordHash: null });
    expect(tombstone?.erasedAt).toBeInstanceOf(Date);

    // The log says who (by id) and why, never the name or address.
    const calls = logged.mock.calls.map((call) => JSON.stringify(call));
    logged.mockRestore();
    const line = calls.find((c) => c.includes('"account.erased"'));
    expect(JSON.parse(line ?? "[]")).toEqual([
      "account.erased",
      { userId: person.id, reason: "self" },
    ]);
    expect(calls.join("\n")).not.toContain("Petronella");
    expect(calls.join("\n")).not.toContain(email);
  });

  it("does nothing the second time, and throws for an account that does not exist", async () => {
    const { db } = database;
    const { person } = await petronellaAndHerNetwork(" twee");
    await eraseAccount(db, person.id, { reason: "retention-inactive" });
    const [first] = await db.select().from(users).where(eq(users.id, person.id));
    const logged = vi.spyOn(log, "info");
    await eraseAccount(db, person.id, { reason: "admin" });
    const again = logged.mock.calls.filter((c) => c[0] === "account.erased");
    logged.mockRestore();
    expect(again).toEqual([]);
    const [second] = await db.select().from(users).where(eq(users.id, person.id));
    expect(second?.erasedAt).toEqual(first?.erasedAt);
    await expect(
      eraseAccount(db, "00000000-0000-4000-8000-000000000000", { reason: "admin" }),
    ).rejects.toThrow();
  });

  it("is one transaction: when a rule fails, the person is left exactly as they were", async () => {
    const { db } = database;
    const { person, name, network, token } = await petronellaAndHerNetwork(" drie");
    const failing: PersonalDataProvider = {
      module: "failing",
      export: async () => ({ data: {} }),
      erase: async () => {
        throw new Error("rule failed");
      },
    };
    await expect(
      eraseAccount(db, person.id, {
        reason: "self",
        providers: [...personalDataProviders, failing],
      }),
    ).rejects.toThrow("rule failed");
    const [still] = await db.select().from(users).where(eq(users.id, person.id));
    expect(still).toMatchObject({ name, erasedAt: null, disabledAt: null });
    expect(
      await db.select().from(networkMembers).where(eq(networkMembers.networkId, network.id)),
    ).toHaveLength(3);
    expect(await findSessionUser(db, token)).not.toBeNull();
  });
});
