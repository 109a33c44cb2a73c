import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "#app/db/client.server.ts";
import {
  attendance,
  initiatives,
  meetings,
  networkMembers,
  organisationMembers,
  programmeCoordinators,
  regions,
  supportApplications,
  themes,
  type users,
} from "#app/db/schema/index.ts";
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
import { listMyNetworks } from "../memberships/my-networks.server.ts";
import {
  type CoordinatorPanel,
  decisionTasks,
  type FacilitatorPanel,
  loadRolePanels,
  type RolePanel,
  type SchoolAdminPanel,
} from "./role-panels.server.ts";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.close();
});

const now = new Date("2026-03-10T12:00:00Z");
const daysFromNow = (days: number) => new Date(now.getTime() + days * 86_400_000);

const panelOf = <K extends RolePanel["kind"]>(panels: RolePanel[], kind: K) =>
  panels.find((p) => p.kind === kind) as Extract<RolePanel, { kind: K }> | undefined;

async function meeting(db: Db, networkId: string, startsAt: Date, cancelled = false) {
  const [row] = await db
    .insert(meetings)
    .values({
      networkId,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
      mode: "online",
      theme: `Thema ${startsAt.toISOString().slice(0, 10)}`,
      cancelledAt: cancelled ? startsAt : null,
    })
    .returning({ id: meetings.id });
  if (!row) throw new Error("no meeting");
  return row.id;
}

async function member(
  db: Db,
  networkId: string,
  status: "nominated" | "awaiting-intake" | "declined",
) {
  const user = await buildUser(db);
  await db.insert(networkMembers).values({ networkId, userId: user.id, role: "deelnemer", status });
  return user;
}

describe("the facilitator's panel", () => {
  it("shows per guided network the last meeting's attendance, the next meeting and open intakes; nothing of other networks", async () => {
    const db = database.db;
    const guide = await buildUser(db, { name: "Guus Gids" });
    const mine = await buildNetwork(db, { name: "Netwerk Autopoiesis (test)" });
    const forming = await buildNetwork(db, {
      name: "Netwerk in oprichting",
      status: "in-formation",
    });
    const ended = await buildNetwork(db, { name: "Afgelopen netwerk", status: "ended" });
    const merelyMember = await buildNetwork(db, { name: "Netwerk waar Guus meedoet" });
    const other = await buildNetwork(db, { name: "Netwerk van een ander" });
    await addNetworkMember(db, mine.id, guide.id, "penvoerder");
    await addNetworkMember(db, forming.id, guide.id, "facilitator");
    await addNetworkMember(db, ended.id, guide.id, "penvoerder");
    await addNetworkMember(db, merelyMember.id, guide.id, "deelnemer");

    const participants = [];
    for (let i = 0; i < 4; i++) {
      const user = await buildUser(db);
      await addNetworkMember(db, mine.id, user.id);
      participants.push(user);
    }
    // An older meeting with full attendance, the last one with two of four present, a cancelled
    // one in between that does not count, the next one in a week and one after that.
    const older = await meeting(db, mine.id, daysFromNow(-40));
    const last = await meeting(db, mine.id, daysFromNow(-10));
    await meeting(db, mine.id, daysFromNow(-3), true);
    const next = await meeting(db, mine.id, daysFromNow(7));
    await meeting(db, mine.id, daysFromNow(30));
    await db.insert(attendance).values([
      ...participants.map((p) => ({
        meetingId: older,
        userId: p.id,
        status: "present" as const,
      })),
      { meetingId: last, userId: participants[0]!.id, status: "present" },
      { meetingId: last, userId: participants[1]!.id, status: "present" },
      { meetingId: last, userId: participants[2]!.id, status: "excused" },
      { meetingId: last, userId: participants[3]!.id, status: "absent" },
    ]);
    await member(db, mine.id, "awaiting-intake");
    await member(db, mine.id, "awaiting-intake");
    await member(db, mine.id, "nominated");
    await member(db, mine.id, "declined");
    // What happens in someone else's network stays there.
    await member(db, other.id, "awaiting-intake");
    await meeting(db, other.id, daysFromNow(2));

    const actor = await actorFor(db, guide);
    const panels = await loadRolePanels(db, actor, { now });
    expect(panels.map((p) => p.kind)).toEqual(["facilitator"]);
    // The start page hands over the networks it read already: the same panel.
    const myNetworks = await listMyNetworks(db, guide.id);
    expect(await loadRolePanels(db, actor, { now, myNetworks })).toEqual(panels);
    const panel = panelOf(panels, "facilitator") as FacilitatorPanel;
    expect(panel.networks.map((n) => n.name)).toEqual([
      "Netwerk Autopoiesis (test)",
      "Netwerk in oprichting",
    ]);
    const [autopoiesis, formingRow] = panel.networks;
    expect(autopoiesis).toMatchObject({
      role: "penvoerder",
      activeMembers: 5,
      lastMeeting: { id: last, present: 2, recorded: 4 },
      nextMeeting: { id: next },
      intakes: 2,
      nominations: 1,
    });
    expect(formingRow).toMatchObject({
      role: "facilitator",
      status: "in-formation",
      activeMembers: 1,
      lastMeeting: null,
      nextMeeting: null,
      intakes: 0,
      nominations: 0,
    });
  });

  it("is not there for a participant, nor for a guide who left", async () => {
    const db = database.db;
    const participant = await buildUser(db);
    const formerGuide = await buildUser(db);
    const network = await buildNetwork(db);
    await addNetworkMember(db, network.id, participant.id, "deelnemer");
    await db.insert(networkMembers).values({
      networkId: network.id,
      userId: formerGuide.id,
      role: "penvoerder",
      status: "left",
    });
    await member(db, network.id, "awaiting-intake");
    expect(await loadRolePanels(db, await actorFor(db, participant), { now })).toEqual([]);
    expect(await loadRolePanels(db, await actorFor(db, formerGuide), { now })).toEqual([]);
    expect(await loadRolePanels(db, null, { now })).toEqual([]);
  });
});

describe("the coordinator's panel", () => {
  it("shows their own programme's networks per phase, applications to judge and networks without a planned meeting; nothing of another programme", async () => {
    const db = database.db;
    const programmeA = await buildProgramme(db, "Programma A (test)");
    const programmeB = await buildProgramme(db, "Programma B (test)");
    const coordinator = await buildUser(db);
    await makeCoordinator(db, coordinator.id, programmeA.id);
    const coordinatorB = await buildUser(db);
    await makeCoordinator(db, coordinatorB.id, programmeB.id);

    const planned = await buildNetwork(db, {
      name: "A met bijeenkomst",
      programmeId: programmeA.id,
    });
    const quiet = await buildNetwork(db, {
      name: "A zonder bijeenkomst",
      programmeId: programmeA.id,
    });
    const forming = await buildNetwork(db, {
      name: "A in oprichting",
      programmeId: programmeA.id,
      status: "in-formation",
    });
    await buildNetwork(db, { name: "A afgelopen", programmeId: programmeA.id, status: "ended" });
    const ofB = await buildNetwork(db, { name: "B-netwerk", programmeId: programmeB.id });
    await meeting(db, planned.id, daysFromNow(5));
    await meeting(db, quiet.id, daysFromNow(-5));
    await meeting(db, quiet.id, daysFromNow(5), true);

    const apply = (networkId: string, programmeId: string, status: "submitted" | "approved") =>
      db.insert(supportApplications).values({
        networkId,
        programmeId,
        status,
        declarations: {},
        evaluation: [],
      });
    await apply(quiet.id, programmeA.id, "submitted");
    await apply(forming.id, programmeA.id, "submitted");
    await apply(planned.id, programmeA.id, "approved");
    await apply(ofB.id, programmeB.id, "submitted");

    const panels = await loadRolePanels(db, await actorFor(db, coordinator), { now });
    expect(panels.map((p) => p.kind)).toEqual(["coordinator"]);
    const panel = panelOf(panels, "coordinator") as CoordinatorPanel;
    expect(panel.programmes).toEqual([
      {
        id: programmeA.id,
        name: "Programma A (test)",
        inFormation: 1,
        active: 2,
        applicationsToJudge: 2,
        withoutNextMeeting: [
          { id: forming.id, name: "A in oprichting" },
          { id: quiet.id, name: "A zonder bijeenkomst" },
        ],
      },
    ]);

    const panelB = panelOf(
      await loadRolePanels(db, await actorFor(db, coordinatorB), { now }),
      "coordinator",
    );
    expect(panelB?.programmes.map((p) => p.name)).toEqual(["Programma B (test)"]);
    expect(panelB?.programmes[0]).toMatchObject({
      active: 1,
      inFormation: 0,
      applicationsToJudge: 1,
      withoutNextMeeting: [{ id: ofB.id, name: "B-netwerk" }],
    });
  });

  it("holds a regional coordinator to their region (and the programme's national networks)", async () => {
    const db = database.db;
    const programme = await buildProgramme(db);
    const [north, south] = await db
      .insert(regions)
      .values([{ name: "Noord (rollen-test)" }, { name: "Zuid (rollen-test)" }])
      .returning();
    const regional = await buildUser(db);
    await db
      .insert(programmeCoordinators)
      .values({ userId: regional.id, programmeId: programme.id, regionId: north!.id });
    const inNorth = await buildNetwork(db, { programmeId: programme.id, regionId: north!.id });
    const inSouth = await buildNetwork(db, { programmeId: programme.id, regionId: south!.id });
    const national = await buildNetwork(db, { programmeId: programme.id });
    for (const network of [inNorth, inSouth, national])
      await db.insert(supportApplications).values({
        networkId: network.id,
        programmeId: programme.id,
        status: "submitted",
        declarations: {},
        evaluation: [],
      });
    const panel = panelOf(
      await loadRolePanels(db, await actorFor(db, regional), { now }),
      "coordinator",
    );
    expect(panel?.programmes[0]).toMatchObject({ active: 2, applicationsToJudge: 2 });
    expect(panel?.programmes[0]?.withoutNextMeeting.map((n) => n.id).sort()).toEqual(
      [inNorth.id, national.id].sort(),
    );
  });

  it("is not there for a penvoerder of a programme's network, nor for a platform admin", async () => {
    const db = database.db;
    const programme = await buildProgramme(db);
    const network = await buildNetwork(db, { programmeId: programme.id });
    const penvoerder = await buildUser(db);
    await addNetworkMember(db, network.id, penvoerder.id, "penvoerder");
    const admin = await buildUser(db, { isPlatformAdmin: true });
    const kinds = async (user: typeof users.$inferSelect) =>
      (await loadRolePanels(db, await actorFor(db, user), { now })).map((p) => p.kind);
    expect(await kinds(penvoerder)).toEqual(["facilitator"]);
    expect(await kinds(admin)).toEqual([]);
  });
});

describe("the school admin's panel", () => {
  it("shows workplace requests to confirm and the toolkit of their own school; a board's schools only where a request waits", async () => {
    const db = database.db;
    const board = await buildOrganisation(db, { kind: "board", name: "Bestuur (rollen-test)" });
    const school = await buildOrganisation(db, { name: "Mijn School (rollen-test)" });
    const quietSchool = await buildOrganisation(db, { name: "Stille school", boardId: board.id });
    const busySchool = await buildOrganisation(db, { name: "Drukke school", boardId: board.id });
    const elsewhere = await buildOrganisation(db, { name: "Andermans school" });
    const schoolAdmin = await buildUser(db);
    await addToOrganisation(db, schoolAdmin.id, school.id, "admin");
    const boardAdmin = await buildUser(db);
    await addToOrganisation(db, boardAdmin.id, board.id, "admin");

    const request = async (organisationId: string, disabled = false) => {
      const user = await buildUser(db, disabled ? { disabledAt: new Date() } : {});
      await db
        .insert(organisationMembers)
        .values({ organisationId, userId: user.id, status: "requested" });
    };
    await request(school.id);
    await request(school.id);
    await request(school.id, true);
    await request(busySchool.id);
    await request(elsewhere.id);
    await db.insert(initiatives).values([
      { spaceKind: "organisation", spaceId: school.id, name: "Leesclub", goal: "Lezen" },
      { spaceKind: "organisation", spaceId: school.id, name: "Peer review", goal: "Feedback" },
      {
        spaceKind: "organisation",
        spaceId: school.id,
        name: "Afgerond",
        goal: "Klaar",
        completedAt: now,
      },
      { spaceKind: "organisation", spaceId: elsewhere.id, name: "Elders", goal: "Elders" },
    ]);
    await db.insert(themes).values([
      {
        spaceKind: "organisation",
        spaceId: school.id,
        name: "Formatief handelen",
        kind: "jaarthema",
        schoolYear: "2025-2026",
      },
      {
        spaceKind: "organisation",
        spaceId: school.id,
        name: "Oud thema",
        kind: "tijdelijk",
        schoolYear: "2024-2025",
        closedAt: now,
      },
    ]);

    const panel = panelOf(
      await loadRolePanels(db, await actorFor(db, schoolAdmin), { now }),
      "school-admin",
    ) as SchoolAdminPanel;
    expect(panel.organisations).toEqual([
      {
        id: school.id,
        name: "Mijn School (rollen-test)",
        kind: "school",
        requests: 2,
        toolkit: { initiatives: 2, themes: 1 },
      },
    ]);

    const boardPanel = panelOf(
      await loadRolePanels(db, await actorFor(db, boardAdmin), { now }),
      "school-admin",
    );
    expect(boardPanel?.organisations).toEqual([
      {
        id: board.id,
        name: "Bestuur (rollen-test)",
        kind: "board",
        requests: 0,
        toolkit: { initiatives: 0, themes: 0 },
      },
      { id: busySchool.id, name: "Drukke school", kind: "school", requests: 1, toolkit: null },
    ]);
    expect(boardPanel?.organisations.map((o) => o.id)).not.toContain(quietSchool.id);
  });

  it("is not there for a school's ordinary member, nor for someone whose admin claim waits", async () => {
    const db = database.db;
    const school = await buildOrganisation(db);
    const colleague = await buildUser(db);
    await addToOrganisation(db, colleague.id, school.id, "member");
    const claimant = await buildUser(db);
    await db.insert(organisationMembers).values({
      organisationId: school.id,
      userId: claimant.id,
      role: "admin",
      status: "requested",
    });
    expect(await loadRolePanels(db, await actorFor(db, colleague), { now })).toEqual([]);
    expect(await loadRolePanels(db, await actorFor(db, claimant), { now })).toEqual([]);
  });
});

describe("someone with every role", () => {
  it("gets the three panels in a fixed order", async () => {
    const db = database.db;
    const person = await buildUser(db);
    const programme = await buildProgramme(db);
    await makeCoordinator(db, person.id, programme.id);
    const network = await buildNetwork(db);
    await addNetworkMember(db, network.id, person.id, "facilitator");
    const school = await buildOrganisation(db);
    await addToOrganisation(db, person.id, school.id, "admin");
    await member(db, network.id, "awaiting-intake");
    await db.insert(supportApplications).values({
      networkId: network.id,
      programmeId: programme.id,
      status: "submitted",
      declarations: {},
      evaluation: [],
    });
    const requester = await buildUser(db);
    await db
      .insert(organisationMembers)
      .values({ organisationId: school.id, userId: requester.id, status: "requested" });
    const panels = await loadRolePanels(db, await actorFor(db, person), { now });
    expect(panels.map((p) => p.kind)).toEqual(["facilitator", "coordinator", "school-admin"]);
    // And in the "Te doen" list, each decision once, linking to where it is made.
    expect(decisionTasks(panels).map((task) => [task.decision, task.count, task.path])).toEqual([
      ["intakes", 1, `/netwerken/${network.id}/leden`],
      ["applications", 1, "/aanvragen"],
      ["workplace-requests", 1, `/organisaties/${school.id}#aanvragen`],
    ]);
  });
});
