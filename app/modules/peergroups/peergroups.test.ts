import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#app/db/client.server.ts";
import {
  confidentialAudit,
  intervisionNotes,
  outbox,
  users as usersTable,
} from "#app/db/schema/index.ts";
import type { Actor } from "#app/platform/actor.ts";
import { ForbiddenError, NotFoundError } from "#app/platform/errors.ts";
import {
  actorFor,
  addNetworkMember,
  buildNetwork,
  buildOrganisation,
  buildProgramme,
  buildUser,
  makeCoordinator,
} from "../../../tests/factories/index.ts";
import { createTestDatabase } from "../../../tests/test-database.ts";
import { authorizeNetwork } from "../networks/network-access.server.ts";
import {
  addBuddyNote,
  buddyCalendar,
  formBuddyGroup,
  formSuggestedGroups,
  getBuddySpace,
  listBuddyGroups,
  planBuddyMeeting,
  suggestBuddyGroups,
} from "./buddies.server.ts";
import { authorizeBuddyGroup, authorizeIntervisionGroup } from "./group-access.server.ts";
import {
  addSessionNote,
  advanceSession,
  bringCase,
  closeSession,
  createIntervisionGroup,
  deleteCase,
  getIntervisionGroup,
  getSession,
  listIntervisionGroups,
} from "./intervision.server.ts";
import { listMethods } from "./intervision-methods.server.ts";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

async function setup(participants = 6) {
  const { db } = database;
  const programme = await buildProgramme(db);
  const network = await buildNetwork(db, { openness: "closed", programmeId: programme.id });
  const schools = await Promise.all([buildOrganisation(db), buildOrganisation(db)]);
  const guideUser = await buildUser(db);
  const guide = await actorFor(db, guideUser);
  await addNetworkMember(db, network.id, guide.userId, "facilitator");
  const people = [];
  for (let i = 0; i < participants; i++) {
    const user = await buildUser(db);
    await addNetworkMember(db, network.id, user.id, "deelnemer", schools[i % 2]?.id ?? null);
    people.push(await actorFor(db, user));
  }
  const coordinatorUser = await buildUser(db);
  await makeCoordinator(db, coordinatorUser.id, programme.id);
  const coordinator = await actorFor(db, coordinatorUser);
  const admin = await actorFor(db, await buildUser(db, { isPlatformAdmin: true }));
  const outsider = await actorFor(db, await buildUser(db));
  return { db, network, guide, people, coordinator, admin, outsider, schools };
}

/** The network and the group as their layouts authorise them for this person. */
function access(db: Database["db"], networkId: string) {
  const net = (actor: Actor) => authorizeNetwork(db, actor, networkId);
  return {
    net,
    buddy: async (actor: Actor, groupId: string) =>
      authorizeBuddyGroup(db, await net(actor), groupId),
    intervision: async (actor: Actor, groupId: string) =>
      authorizeIntervisionGroup(db, await net(actor), groupId),
  };
}

describe("buddy groups", () => {
  it("suggests groups that put colleagues from one school apart, 2–5 people each", () => {
    const people = Array.from({ length: 7 }, (_, i) => ({
      userId: `u${i}`,
      organisationId: i < 4 ? "school-a" : "school-b",
      regionId: "noord",
    }));
    const groups = suggestBuddyGroups(people, 3);
    expect(groups.map((g) => g.length).sort()).toEqual([3, 4]);
    for (const group of groups) {
      const schools = new Set(group.map((p) => p.organisationId));
      expect(schools.size).toBe(2);
    }
    expect(suggestBuddyGroups(people.slice(0, 1), 3)).toEqual([]);
    const many = Array.from({ length: 14 }, (_, i) => ({
      userId: `p${i}`,
      organisationId: null,
      regionId: null,
    }));
    expect(Math.max(...suggestBuddyGroups(many, 5).map((g) => g.length))).toBeLessThanOrEqual(5);
    expect(
      Math.min(...suggestBuddyGroups(many.slice(0, 11), 2).map((g) => g.length)),
    ).toBeGreaterThanOrEqual(2);
  });

  it("the guide forms the suggested groups at once; each space is for its members only", async () => {
    const { db, network, guide, people, coordinator, admin, outsider } = await setup(6);
    const { net, buddy } = access(db, network.id);
    const count = await formSuggestedGroups(db, await net(guide), 3);
    expect(count).toBe(2);
    const view = await listBuddyGroups(db, await net(people[0] as Actor));
    const mine = view.myGroupId;
    expect(mine).toBeTruthy();
    const groupId = mine as string;
    const members = view.groups.find((g) => g.id === groupId)?.members ?? [];
    const member = people.find((p) => p.userId === members[0]?.userId);
    const otherParticipant = people.find((p) => !members.some((m) => m.userId === p.userId));
    if (!member || !otherParticipant) throw new Error("setup");

    await addBuddyNote(
      db,
      await buddy(member, groupId),
      "Ik twijfel over mijn rol als teamleider.",
      "https://x/maatjes",
    );
    const space = await getBuddySpace(db, await buddy(member, groupId));
    expect(space.notes.map((n) => n.body)).toEqual(["Ik twijfel over mijn rol als teamleider."]);
    // The space, its notes and its calendar all sit behind the group's access: strangers get
    // the 404 there, the guide who formed the group included.
    for (const stranger of [guide, otherParticipant, coordinator, admin, outsider]) {
      await expect(buddy(stranger, groupId)).rejects.toThrow(NotFoundError);
    }
    // the other members heard that something is new, not what
    const other = members[1];
    const [otherUser] = await db
      .select()
      .from(usersTable)
      .where(eq(usersTable.id, other?.userId ?? ""));
    const mails = await db
      .select()
      .from(outbox)
      .where(eq(outbox.to, otherUser?.email ?? ""));
    expect(mails).toHaveLength(1);
    expect(mails[0]?.text).not.toContain("twijfel");
    expect(mails[0]?.subject).not.toContain("twijfel");
  });

  it("plans the group's own meeting times, with an .ics; refuses times in the past", async () => {
    const { db, network, people } = await setup(2);
    const { net, buddy } = access(db, network.id);
    const [a, b] = people;
    if (!a || !b) throw new Error("setup");
    const groupId = await formBuddyGroup(db, await net(a), [a.userId, b.userId]);
    await expect(
      planBuddyMeeting(
        db,
        await buddy(a, groupId),
        { day: "2020-01-01", startTime: "10:00", endTime: "11:00", place: "" },
        "https://x",
      ),
    ).rejects.toMatchObject({ field: "day" });
    await planBuddyMeeting(
      db,
      await buddy(a, groupId),
      { day: "2027-03-15", startTime: "16:00", endTime: "17:30", place: "Station Zwolle" },
      "https://x",
    );
    const ics = await buddyCalendar(db, await buddy(b, groupId), "https://x");
    expect(ics).toContain("DTSTART;TZID=Europe/Amsterdam:20270315T160000");
    expect(ics).toContain("LOCATION:Station Zwolle");
    // and it is in both members' own agenda (and so in their feeds), nobody else's
    const { agendaItems } = await import("../calendar/calendar.server.ts");
    const since = new Date("2027-01-01T00:00:00Z");
    expect((await agendaItems(db, b.userId, since)).filter((i) => i.kind === "buddy")).toHaveLength(
      1,
    );
    const stranger = await buildUser(db);
    expect(
      (await agendaItems(db, stranger.id, since)).filter((i) => i.kind === "buddy"),
    ).toHaveLength(0);
  });
});

describe("intervision", () => {
  it("groups have 3–8 members of the network; guides see groups and names, not content", async () => {
    const { db, network, guide, people, outsider } = await setup(5);
    const { net, intervision } = access(db, network.id);
    const ids = people.map((p) => p.userId);
    await expect(
      createIntervisionGroup(db, await net(guide), { name: "Te klein", userIds: ids.slice(0, 2) }),
    ).rejects.toMatchObject({ field: "userIds" });
    await expect(
      createIntervisionGroup(db, await net(guide), {
        name: "Met vreemde",
        userIds: [...ids.slice(0, 3), outsider.userId],
      }),
    ).rejects.toMatchObject({ field: "userIds" });
    await expect(
      createIntervisionGroup(db, await net(people[0] as never), {
        name: "Zelf",
        userIds: ids.slice(0, 3),
      }),
    ).rejects.toThrow(NotFoundError);
    const groupId = await createIntervisionGroup(db, await net(guide), {
      name: "Noord",
      userIds: ids.slice(0, 4),
    });
    const forGuide = await listIntervisionGroups(db, await net(guide));
    expect(forGuide.groups.map((g) => [g.name, g.members.length, g.isMine])).toEqual([
      ["Noord", 4, false],
    ]);
    // The guide formed the group but is not in it: its content is not theirs (the group's 404).
    await expect(intervision(guide, groupId)).rejects.toThrow(NotFoundError);
    const forOutsideMember = await listIntervisionGroups(db, await net(people[4] as never));
    expect(forOutsideMember.groups).toEqual([]);
  });

  it("runs a session through a method's steps, closes with insight, and the owner can erase it all", async () => {
    const { db, network, guide, people, coordinator, admin } = await setup(4);
    const { net, intervision } = access(db, network.id);
    const [owner, b, c, notInGroup] = people;
    if (!owner || !b || !c || !notInGroup) throw new Error("setup");
    const groupId = await createIntervisionGroup(db, await net(guide), {
      name: "Dinsdaggroep",
      userIds: [owner.userId, b.userId, c.userId],
    });
    const [method] = (await listMethods(db)).filter((m) => m.name === "Roddelmethode");
    if (!method) throw new Error("seeded methods missing");
    const sessionId = await bringCase(
      db,
      await intervision(owner, groupId),
      {
        caseTitle: "Gesprek met de bestuurder",
        caseText: "Ik zie op tegen het gesprek over formatie.",
        methodId: method.id,
      },
      (id) => `https://x/${id}`,
    );
    const inGroup = await getIntervisionGroup(db, await intervision(b, groupId));
    expect(inGroup.sessions.map((x) => x.caseTitle)).toEqual(["Gesprek met de bestuurder"]);
    await advanceSession(db, await intervision(b, groupId), sessionId);
    let view = await getSession(db, await intervision(c, groupId), sessionId);
    expect(view.session.currentStep).toBe(0);
    expect(view.steps.map((s) => s.title)).toEqual(method.steps.map((s) => s.title));
    await addSessionNote(
      db,
      await intervision(c, groupId),
      sessionId,
      "Wat maakt dat je ertegen opziet?",
    );
    for (let i = 1; i < method.steps.length; i++)
      await advanceSession(db, await intervision(b, groupId), sessionId);
    await expect(
      advanceSession(db, await intervision(b, groupId), sessionId),
    ).rejects.toMatchObject({
      messageKey: "error.intervision.lastStep",
    });
    await expect(
      closeSession(db, await intervision(b, groupId), sessionId, {
        insight: "x y z",
        nextStep: "a b c",
      }),
    ).rejects.toThrow(ForbiddenError);
    await closeSession(db, await intervision(owner, groupId), sessionId, {
      insight: "Ik mag mijn twijfel benoemen.",
      nextStep: "Gesprek plannen voor vrijdag.",
    });
    view = await getSession(db, await intervision(b, groupId), sessionId);
    expect(view.session.completedAt).not.toBeNull();
    expect(view.notes).toHaveLength(1);

    // The group, its sessions and their notes sit behind the group's access.
    for (const stranger of [guide, notInGroup, coordinator, admin]) {
      await expect(intervision(stranger, groupId)).rejects.toThrow(NotFoundError);
    }

    await expect(deleteCase(db, await intervision(b, groupId), sessionId)).rejects.toThrow(
      ForbiddenError,
    );
    await deleteCase(db, await intervision(owner, groupId), sessionId);
    await expect(getSession(db, await intervision(owner, groupId), sessionId)).rejects.toThrow(
      NotFoundError,
    );
    expect(
      await db.select().from(intervisionNotes).where(eq(intervisionNotes.sessionId, sessionId)),
    ).toEqual([]);
    const audit = await db
      .select()
      .from(confidentialAudit)
      .where(eq(confidentialAudit.groupId, groupId));
    expect(audit.map((a) => a.event)).toEqual(["intervision.case-deleted"]);
    expect(JSON.stringify(audit)).not.toContain("bestuurder");
  });
});
