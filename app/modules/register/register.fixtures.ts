import { eq } from "drizzle-orm";
import type { Db } from "#app/db/client.server.ts";
import { attendance, meetings, networkMembers } from "#app/db/schema/index.ts";
import {
  actorFor,
  addNetworkMember,
  buildNetwork,
  buildRoute,
  buildUser,
} from "../../../tests/factories/index.ts";
import { saveRegisterProfile } from "./ledger.server.ts";

/**
 * A participant who completed a route worth 85 register points (one meeting attended) in a
 * network with a facilitator, and who keeps a four-year register cycle: ready for a certificate.
 */
export async function completedMember(
  db: Db,
  options: { networkName?: string; memberName?: string; facilitatorName?: string } = {},
) {
  const network = await buildNetwork(db, options.networkName ? { name: options.networkName } : {});
  const route = await buildRoute(db, network.id, {
    name: "Met herregistratie",
    minMeetings: 1,
    registerPoints: 85,
    registerThemes: ["Verandermanagement"],
  });
  const facilitator = await actorFor(
    db,
    await buildUser(db, options.facilitatorName ? { name: options.facilitatorName } : {}),
  );
  await addNetworkMember(db, network.id, facilitator.userId, "facilitator");
  const member = await actorFor(
    db,
    await buildUser(db, options.memberName ? { name: options.memberName } : {}),
  );
  const memberId = await addNetworkMember(
    db,
    network.id,
    member.userId,
    "deelnemer",
    null,
    route.id,
  );
  const [meeting] = await db
    .insert(meetings)
    .values({
      networkId: network.id,
      startsAt: new Date("2026-10-06T06:30:00Z"),
      endsAt: new Date("2026-10-06T10:30:00Z"),
      mode: "location",
      address: "Utrecht",
    })
    .returning();
  await db
    .insert(attendance)
    .values({ meetingId: meeting?.id ?? "", userId: member.userId, status: "present" });
  await db
    .update(networkMembers)
    .set({ routeCompletedAt: new Date("2026-11-20T12:00:00Z") })
    .where(eq(networkMembers.id, memberId));
  await saveRegisterProfile(db, member, { cycleStart: "2024-08-26", cycleYears: 4 });
  return { network, facilitator, member, memberId };
}
