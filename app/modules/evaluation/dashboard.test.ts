import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#app/db/client.server.ts";
import {
  certificates,
  meetings,
  programmeCoordinators,
  programmes,
  regions,
  users,
} from "#app/db/schema/index.ts";
import { NotFoundError } from "#app/platform/errors.ts";
import {
  actorFor,
  addNetworkMember,
  buildNetwork,
  buildOrganisation,
  buildProgramme,
  buildUser,
  makeCoordinator,
} from "../../../tests/factories/index.ts";
import { sheetRecords } from "../../../tests/support/spreadsheet.ts";
import { createTestDatabase } from "../../../tests/test-database.ts";
import { authorizeNetwork } from "../networks/network-access.server.ts";
import { recordFacilitatedMeeting, setContinuation } from "../networks/support.server.ts";
import { dashboardXlsx, getDashboard } from "./dashboard.server.ts";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const all = { programmeId: null, regionId: null, from: null, to: null };

async function fixture() {
  const { db } = database;
  const programme = await buildProgramme(db);
  const [noord, oost] = await db
    .insert(regions)
    .values([{ name: `Noord ${programme.id}` }, { name: `Oost ${programme.id}` }])
    .returning();
  const a = await buildNetwork(db, {
    programmeId: programme.id,
    regionId: noord?.id,
    themes: ["hrm", "talent"],
    continuation: "continues",
  });
  const b = await buildNetwork(db, {
    programmeId: programme.id,
    regionId: noord?.id,
    themes: ["hrm"],
    status: "ended",
    continuation: "stops",
  });
  const c = await buildNetwork(db, {
    programmeId: programme.id,
    regionId: oost?.id,
    themes: ["krimp"],
    status: "in-formation",
  });
  await buildNetwork(db, { themes: ["other programme"] });
  const school1 = await buildOrganisation(db);
  const school2 = await buildOrganisation(db);
  const people = await Promise.all([buildUser(db), buildUser(db), buildUser(db)]);
  // hand count: 3 participants, schools 1 and 2 (school 1 twice)
  await addNetworkMember(db, a.id, people[0]?.id ?? "", "deelnemer", school1.id);
  await addNetworkMember(db, b.id, people[0]?.id ?? "", "deelnemer", school1.id);
  await addNetworkMember(db, a.id, people[1]?.id ?? "", "deelnemer", school2.id);
  await addNetworkMember(db, c.id, people[2]?.id ?? "", "deelnemer", null);
  const at = (iso: string) => ({
    startsAt: new Date(iso),
    endsAt: new Date(new Date(iso).getTime() + 3 * 3600_000),
    mode: "location" as const,
    address: "x",
  });
  // hand count: 3 held (one cancelled and one in 2031 do not count)
  await db.insert(meetings).values([
    { networkId: a.id, ...at("2026-03-01T09:00:00Z") },
    { networkId: a.id, ...at("2026-05-01T09:00:00Z") },
    { networkId: b.id, ...at("2025-10-01T09:00:00Z") },
    { networkId: b.id, ...at("2026-04-01T09:00:00Z"), cancelledAt: new Date() },
    { networkId: c.id, ...at("2031-01-01T09:00:00Z") },
  ]);
  const cert = (networkId: string, userId: string, code: string, revoked = false) => ({
    code,
    userId,
    networkId,
    participantName: "x",
    title: "x",
    routeName: "x",
    provider: "x",
    startDate: "2026-01-01",
    endDate: "2026-06-01",
    hours: 10,
    points: 50,
    revokedAt: revoked ? new Date() : null,
  });
  await db
    .insert(certificates)
    .values([
      cert(a.id, people[0]?.id ?? "", `KP-${programme.id.slice(0, 4).toUpperCase()}-AAAA-0001`),
      cert(
        a.id,
        people[1]?.id ?? "",
        `KP-${programme.id.slice(0, 4).toUpperCase()}-AAAA-0002`,
        true,
      ),
    ]);
  const coordinator = await buildUser(db);
  await makeCoordinator(db, coordinator.id, programme.id);
  const regional = await buildUser(db);
  await db
    .insert(programmeCoordinators)
    .values({ programmeId: programme.id, userId: regional.id, regionId: oost?.id });
  return {
    programme,
    coordinator: await actorFor(db, coordinator),
    regional: await actorFor(db, regional),
  };
}

describe("the programme dashboard", () => {
  it("counts what the data holds, checked against a hand count", async () => {
    const { coordinator } = await fixture();
    const dashboard = await getDashboard(database.db, coordinator, all);
    expect(dashboard.figures).toMatchObject({
      networks: 3,
      active: 1,
      inFormation: 1,
      ended: 1,
      schools: 2,
      participants: 3,
      meetingsHeld: 3,
      certificates: 1,
      continuing: 1,
      decided: 2,
      continuingShare: 50,
    });
    expect(dashboard.themes).toEqual([
      { theme: "hrm", networks: 2, share: 50 },
      { theme: "krimp", networks: 1, share: 25 },
      { theme: "talent", networks: 1, share: 25 },
    ]);
    expect(dashboard.perRegion.map((r) => r.networks)).toEqual([2, 1]);
    const rows = await sheetRecords(await dashboardXlsx(dashboard), "Cijfers");
    expect(rows.find((r) => r.Cijfer === "Scholen bereikt")?.Waarde).toBe(2);
  });

  it("filters by period, and holds a regional coordinator to their region", async () => {
    const { coordinator, regional } = await fixture();
    const period = await getDashboard(database.db, coordinator, {
      ...all,
      from: "2026-01-01",
      to: "2026-12-31",
    });
    expect(period.figures.meetingsHeld).toBe(2);
    const own = await getDashboard(database.db, regional, all);
    expect(own.heldToRegion).toBe(true);
    expect(own.figures).toMatchObject({ networks: 1, inFormation: 1, participants: 1 });
    const stranger = await actorFor(database.db, await buildUser(database.db));
    await expect(getDashboard(database.db, stranger, all)).rejects.toThrow(NotFoundError);
  });

  it("opens on all programmes for a coordinator of several, and each can still be chosen", async () => {
    const { db } = database;
    const first = await fixture();
    const other = await buildProgramme(db);
    await buildNetwork(db, { programmeId: other.id, themes: ["krimp"] });
    const [row] = await db
      .select({ userId: programmeCoordinators.userId })
      .from(programmeCoordinators)
      .where(eq(programmeCoordinators.programmeId, first.programme.id));
    await makeCoordinator(db, row?.userId ?? "", other.id);
    const [user] = await db
      .select()
      .from(users)
      .where(eq(users.id, row?.userId ?? ""));
    const both = await actorFor(db, user as typeof users.$inferSelect);
    const dashboard = await getDashboard(db, both, all);
    expect(dashboard.programme).toBeNull();
    expect(dashboard.filters.programmeId).toBe("alle");
    expect(dashboard.figures.networks).toBe(4);
    const one = await getDashboard(db, both, { ...all, programmeId: other.id });
    expect(one.programme?.id).toBe(other.id);
    expect(one.figures.networks).toBe(1);
    const admin = await actorFor(db, await buildUser(db, { isPlatformAdmin: true }));
    const everything = await getDashboard(db, admin, all);
    expect(everything.programme).toBeNull();
    expect(everything.figures.networks).toBeGreaterThanOrEqual(4);
  });

  it("counts a Stap 2 network's facilitated meetings and its stop after the support", async () => {
    const { db } = database;
    const stap2 = await buildProgramme(db);
    await db
      .update(programmes)
      .set({ facilitatedMeetingsLimit: 5 })
      .where(eq(programmes.id, stap2.id));
    const [noord] = await db
      .insert(regions)
      .values({ name: `Noord ${stap2.id}` })
      .returning();
    const network = await buildNetwork(db, { programmeId: stap2.id, regionId: noord?.id });
    const coordinatorUser = await buildUser(db);
    await db
      .insert(programmeCoordinators)
      .values({ programmeId: stap2.id, userId: coordinatorUser.id, regionId: noord?.id });
    const coordinator = await actorFor(db, coordinatorUser);
    for (let i = 0; i < 5; i++)
      await recordFacilitatedMeeting(db, await authorizeNetwork(db, coordinator, network.id));
    await setContinuation(db, await authorizeNetwork(db, coordinator, network.id), "stops");
    const dashboard = await getDashboard(db, coordinator, all);
    expect(dashboard.figures).toMatchObject({
      networks: 1,
      active: 0,
      ended: 1,
      meetingsHeld: 5,
      continuing: 0,
      decided: 1,
      continuingShare: 0,
    });
    expect(dashboard.perRegion).toEqual([
      { region: `Noord ${stap2.id}`, networks: 1, national: 0 },
    ]);
  });

  it("counts national networks in the regions of their schools, and a network past its stimulus year as going on", async () => {
    const { db } = database;
    const academy = await buildProgramme(db);
    const [west, zuid] = await db
      .insert(regions)
      .values([{ name: `West ${academy.id}` }, { name: `Zuid ${academy.id}` }])
      .returning();
    const inWest = await buildOrganisation(db, { regionId: west?.id });
    const inZuid = await buildOrganisation(db, { regionId: zuid?.id });
    // Running since 2006, past its first (stimulated) year: goes on by itself.
    const old = await buildNetwork(db, { programmeId: academy.id, startDate: "2006-09-01" });
    // Ended after its first year: stopped after the support.
    await buildNetwork(db, { programmeId: academy.id, startDate: "2014-03-01", status: "ended" });
    // Still in its stimulus year: nothing to say yet.
    const young = await buildNetwork(db, {
      programmeId: academy.id,
      startDate: new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10),
    });
    const [a, b, c] = await Promise.all([buildUser(db), buildUser(db), buildUser(db)]);
    await addNetworkMember(db, old.id, a?.id ?? "", "deelnemer", inWest.id);
    await addNetworkMember(db, old.id, b?.id ?? "", "deelnemer", inZuid.id);
    await addNetworkMember(db, young.id, c?.id ?? "", "deelnemer", inWest.id);
    const coordinatorUser = await buildUser(db);
    await makeCoordinator(db, coordinatorUser.id, academy.id);
    const dashboard = await getDashboard(db, await actorFor(db, coordinatorUser), all);
    expect(dashboard.figures).toMatchObject({ continuing: 1, decided: 2, continuingShare: 50 });
    expect(dashboard.perRegion).toEqual([
      { region: `West ${academy.id}`, networks: 2, national: 2 },
      { region: `Zuid ${academy.id}`, networks: 1, national: 1 },
    ]);
    expect(dashboard.nationalWithoutSchools).toBe(1);
  });
});
