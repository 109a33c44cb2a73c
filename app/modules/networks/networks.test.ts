import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#app/db/client.server.ts";
import { programmeCoordinators, programmes, regions } from "#app/db/schema/index.ts";
import type { Actor } from "#app/platform/actor.ts";
import { ForbiddenError, NotFoundError, refusalStatus } from "#app/platform/errors.ts";
import {
  actorFor,
  addNetworkMember,
  buildNetwork,
  buildProgramme,
  buildUser,
  makeCoordinator,
} from "../../../tests/factories/index.ts";
import { createTestDatabase } from "../../../tests/test-database.ts";
import { listCatalogue } from "./catalogue.server.ts";
import { saveRoute, saveSteps } from "./enrolment-routes.server.ts";
import { authorizeNetwork } from "./network-access.server.ts";
import { profile, profileInput } from "./networks.fixtures.ts";
import { canManageNetwork, canViewNetworkMembers } from "./networks.policy.ts";
import { networkProfileSchema } from "./networks.schema.ts";
import {
  adoptIntoProgramme,
  changePhase,
  getNetwork,
  membersPerPage,
  updateNetworkProfile,
} from "./networks.server.ts";
import { facilitationStatus, getApplication, recordFacilitatedMeeting } from "./support.server.ts";

let database: Database;

const page = { page: 1, perPage: 50, offset: 0 };

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.close();
});

describe("network policy: every role on a closed network", () => {
  it("shows members only to members, the programme's coordinator and admins; only managers change it", async () => {
    const db = database.db;
    const programme = await buildProgramme(db);
    const network = await buildNetwork(db, { openness: "closed", programmeId: programme.id });
    const penvoerder = await buildUser(db);
    await addNetworkMember(db, network.id, penvoerder.id, "penvoerder");
    const member = await buildUser(db);
    await addNetworkMember(db, network.id, member.id);
    const coordinator = await buildUser(db);
    await makeCoordinator(db, coordinator.id, programme.id);
    const otherCoordinator = await buildUser(db);
    await makeCoordinator(db, otherCoordinator.id, (await buildProgramme(db)).id);

    const cases: [string, Actor | null, { sees: boolean; manages: boolean }][] = [
      ["visitor", null, { sees: false, manages: false }],
      ["outsider", await actorFor(db, await buildUser(db)), { sees: false, manages: false }],
      ["member", await actorFor(db, member), { sees: true, manages: false }],
      ["penvoerder", await actorFor(db, penvoerder), { sees: true, manages: true }],
      ["coordinator", await actorFor(db, coordinator), { sees: true, manages: true }],
      ["other coordinator", await actorFor(db, otherCoordinator), { sees: false, manages: false }],
      [
        "admin",
        await actorFor(db, await buildUser(db, { isPlatformAdmin: true })),
        { sees: true, manages: true },
      ],
    ];
    for (const [role, actor, want] of cases) {
      const view = await getNetwork(db, await authorizeNetwork(db, actor, network.id));
      expect({ role, sees: view.members !== null, manages: view.canManage }).toEqual({
        role,
        ...want,
      });
      expect({
        role,
        sees: canViewNetworkMembers(actor, view.access),
        manages: canManageNetwork(actor, view.access),
      }).toEqual({ role, ...want });
      // A visitor never reaches a command: withNetworkActor sends them to the login page first.
      if (!actor) continue;
      const update = updateNetworkProfile(
        db,
        await authorizeNetwork(db, actor, network.id),
        profile(),
      );
      if (want.manages) await expect(update).resolves.toBeUndefined();
      else await expect(update).rejects.toThrow(ForbiddenError);
    }
  });

  it("keeps closed networks' members out of the public catalogue data", async () => {
    const db = database.db;
    const network = await buildNetwork(db, {
      openness: "closed",
      name: "Vrouwelijk Leiderschap Geheim",
    });
    const member = await buildUser(db, { name: "Verborgen Deelnemer" });
    await addNetworkMember(db, network.id, member.id);
    const { networks } = await listCatalogue(db, { query: "Geheim" }, page);
    expect(networks).toHaveLength(1);
    expect(JSON.stringify(networks)).not.toContain("Verborgen Deelnemer");
    expect(networks[0]?.memberCount).toBe(1);
  });

  it("answers 404, not a database error, for an application id that only looks like a UUID", async () => {
    const admin = await actorFor(
      database.db,
      await buildUser(database.db, { isPlatformAdmin: true }),
    );
    await expect(getApplication(database.db, admin, "-".repeat(36))).rejects.toThrow(NotFoundError);
  });

  it("answers 404 for an unknown or malformed network id", async () => {
    await expect(
      authorizeNetwork(database.db, null, "00000000-0000-4000-8000-000000000000"),
    ).rejects.toThrow(NotFoundError);
    await expect(authorizeNetwork(database.db, null, "netwerk-1")).rejects.toThrow(NotFoundError);
  });
});

describe("every role against every network action", () => {
  it("allows exactly the penvoerder, facilitator, the programme's coordinator and admins to manage", async () => {
    const db = database.db;
    const programme = await buildProgramme(db);
    const network = await buildNetwork(db, { openness: "closed", programmeId: programme.id });
    const penvoerder = await buildUser(db);
    await addNetworkMember(db, network.id, penvoerder.id, "penvoerder");
    const facilitator = await buildUser(db);
    await addNetworkMember(db, network.id, facilitator.id, "facilitator");
    const member = await buildUser(db);
    await addNetworkMember(db, network.id, member.id);
    const coordinator = await buildUser(db);
    await makeCoordinator(db, coordinator.id, programme.id);
    const roles: [string, Actor | null, boolean][] = [
      ["visitor", null, false],
      ["outsider", await actorFor(db, await buildUser(db)), false],
      ["member", await actorFor(db, member), false],
      ["facilitator", await actorFor(db, facilitator), true],
      ["penvoerder", await actorFor(db, penvoerder), true],
      ["coordinator", await actorFor(db, coordinator), true],
      ["admin", await actorFor(db, await buildUser(db, { isPlatformAdmin: true })), true],
    ];
    const route = {
      name: "Route",
      price: 100,
      secondPersonPrice: null,
      includes: "",
      extraCosts: "",
      vatExempt: false,
      stepNumbers: [],
      minMeetings: null,
      registerPoints: null,
      registerThemes: [],
      requiresAllSteps: true,
    };
    const actions: Record<string, (actor: Actor) => Promise<unknown>> = {
      "change phase": async (actor) =>
        changePhase(db, await authorizeNetwork(db, actor, network.id), {
          phase: "oogsten",
          note: "Tijd om te oogsten.",
        }),
      "save steps": async (actor) =>
        saveSteps(db, await authorizeNetwork(db, actor, network.id), ["Aanmelden"]),
      "save route": async (actor) =>
        saveRoute(db, await authorizeNetwork(db, actor, network.id), null, route),
      "membership admin": (actor) => getMembershipAdminFor(actor),
    };
    async function getMembershipAdminFor(actor: Actor) {
      const { getMembershipAdmin } = await import("../memberships/members.server.ts");
      return getMembershipAdmin(db, await authorizeNetwork(db, actor, network.id));
    }
    for (const [role, actor, allowed] of roles) {
      // A visitor never reaches a command: withNetworkActor sends them to the login page first.
      if (!actor) continue;
      for (const [name, act] of Object.entries(actions)) {
        const outcome = await act(actor).then(
          () => 200,
          (error: unknown) => refusalStatus(error) ?? 500,
        );
        expect({ role, action: name, outcome }).toEqual({
          role,
          action: name,
          outcome: allowed ? 200 : 403,
        });
      }
    }
  });

  it("lets a regional coordinator count facilitated meetings only in their own region, up to self-direction", async () => {
    const db = database.db;
    const stap2 = await buildProgramme(db, "Stap 2 regio-test");
    await db
      .update(programmes)
      .set({ facilitatedMeetingsLimit: 5 })
      .where(eq(programmes.id, stap2.id));
    const [noord] = await db.insert(regions).values({ name: "Noord (test)" }).returning();
    const [oost] = await db.insert(regions).values({ name: "Oost (test)" }).returning();
    const inNoord = await buildNetwork(db, {
      programmeId: stap2.id,
      regionId: noord!.id,
      facilitatedMeetingsHeld: 4,
    });
    const inOost = await buildNetwork(db, { programmeId: stap2.id, regionId: oost!.id });
    const coordinatorUser = await buildUser(db);
    await db
      .insert(programmeCoordinators)
      .values({ programmeId: stap2.id, userId: coordinatorUser.id, regionId: noord!.id });
    const coordinator = await actorFor(db, coordinatorUser);
    await recordFacilitatedMeeting(db, await authorizeNetwork(db, coordinator, inNoord.id));
    await expect(
      recordFacilitatedMeeting(db, await authorizeNetwork(db, coordinator, inOost.id)),
    ).rejects.toThrow(ForbiddenError);
    const view = await getNetwork(db, await authorizeNetwork(db, coordinator, inNoord.id));
    const status = facilitationStatus(view.network, view.programme);
    expect(status).toEqual({ limit: 5, held: 5, selfDirected: true });
  });

  it("lets a coordinator adopt a network without programme into their own programme only", async () => {
    const db = database.db;
    const programme = await buildProgramme(db);
    const other = await buildProgramme(db);
    const network = await buildNetwork(db);
    const coordinatorUser = await buildUser(db);
    await makeCoordinator(db, coordinatorUser.id, programme.id);
    const coordinator = await actorFor(db, coordinatorUser);
    await expect(
      adoptIntoProgramme(db, await authorizeNetwork(db, coordinator, network.id), other.id),
    ).rejects.toThrow(ForbiddenError);
    await adoptIntoProgramme(db, await authorizeNetwork(db, coordinator, network.id), programme.id);
    expect(
      (await getNetwork(db, await authorizeNetwork(db, coordinator, network.id))).network
        .programmeId,
    ).toBe(programme.id);
  });

  it("refuses an end date before the start date", () => {
    const result = networkProfileSchema.safeParse({
      ...profileInput(),
      startDate: "2027-09-01",
      endDate: "2027-06-30",
    });
    expect(result.success ? null : result.error.issues[0]).toMatchObject({
      path: ["endDate"],
      message: "error.network.endBeforeStart",
    });
  });
});

describe("the members on the network page", () => {
  it("come a page at a time, the penvoerder first, and the pages together show everyone once", async () => {
    const { db } = database;
    const network = await buildNetwork(db, { openness: "open" });
    const penvoerder = await buildUser(db, { name: "Zoë Zwart" });
    await addNetworkMember(db, network.id, penvoerder.id, "penvoerder");
    const ids = [penvoerder.id];
    for (let i = 0; i < membersPerPage + 4; i++) {
      const user = await buildUser(db, { name: `Lid ${String(i).padStart(2, "0")}` });
      await addNetworkMember(db, network.id, user.id, "deelnemer");
      ids.push(user.id);
    }
    const member = await actorFor(db, penvoerder);
    const at = async (n: number) =>
      getNetwork(db, await authorizeNetwork(db, member, network.id), {
        page: n,
        perPage: membersPerPage,
        offset: (n - 1) * membersPerPage,
      });
    const first = await at(1);
    expect(first.members).toHaveLength(membersPerPage);
    expect(first.members?.[0]?.name).toBe("Zoë Zwart");
    expect(first.memberPager).toEqual({ page: 1, pages: 2, hasNext: true });
    expect(first.memberCount).toBe(membersPerPage + 5);
    const second = await at(2);
    expect(second.members).toHaveLength(5);
    expect(second.memberPager).toEqual({ page: 2, pages: 2, hasNext: false });
    const shown = [...(first.members ?? []), ...(second.members ?? [])].map((m) => m.userId);
    expect(shown.sort()).toEqual([...ids].sort());
  });
});
