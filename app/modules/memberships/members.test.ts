import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#app/db/client.server.ts";
import { ForbiddenError } from "#app/platform/errors.ts";
import {
  actorFor,
  addNetworkMember,
  addToOrganisation,
  buildNetwork,
  buildUser,
} from "../../../tests/factories/index.ts";
import { createTestDatabase } from "../../../tests/test-database.ts";
import { authorizeNetwork } from "../networks/network-access.server.ts";
import { getMyStanding, leave } from "./enrolment.server.ts";
import { getMembershipAdmin, setMemberRole } from "./members.server.ts";

let database: Database;

const mail = { baseUrl: "https://knooppunt.test" };

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

describe("roles in a network", () => {
  it("lets the penvoerder make a member facilitator, but never removes the last penvoerder", async () => {
    const db = database.db;
    const network = await buildNetwork(db);
    const penvoerder = await personAt();
    await addNetworkMember(db, network.id, penvoerder.user.id, "penvoerder");
    const member = await personAt();
    await addNetworkMember(db, network.id, member.user.id);
    const rows = (
      await getMembershipAdmin(db, await authorizeNetwork(db, penvoerder.actor, network.id))
    ).history;
    const memberRow = rows.find((r) => r.name === member.user.name)!;
    const penvoerderRow = rows.find((r) => r.name === penvoerder.user.name)!;
    await expect(
      setMemberRole(db, await authorizeNetwork(db, member.actor, network.id), {
        memberId: memberRow.id,
        role: "penvoerder",
      }),
    ).rejects.toThrow(ForbiddenError);
    await setMemberRole(db, await authorizeNetwork(db, penvoerder.actor, network.id), {
      memberId: memberRow.id,
      role: "facilitator",
    });
    expect(
      (await getMyStanding(db, await authorizeNetwork(db, member.actor, network.id)))?.membership
        ?.role,
    ).toBe("facilitator");
    await expect(
      setMemberRole(db, await authorizeNetwork(db, penvoerder.actor, network.id), {
        memberId: penvoerderRow.id,
        role: "deelnemer",
      }),
    ).rejects.toMatchObject({ messageKey: "error.role.lastPenvoerder" });
    // Nor may the only penvoerder simply leave.
    await expect(
      leave(db, await authorizeNetwork(db, penvoerder.actor, network.id), mail),
    ).rejects.toMatchObject({
      messageKey: "error.role.lastPenvoerder",
    });
    // The new facilitator may now manage the network's enrolments.
    await expect(
      getMembershipAdmin(
        db,
        await authorizeNetwork(db, await actorFor(db, member.user), network.id),
      ),
    ).resolves.toBeTruthy();
  });
});
