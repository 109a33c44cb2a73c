import { and, asc, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "#app/db/client.server.ts";
import { meetings, networkMembers, users } from "#app/db/schema/index.ts";
import type { MaybeActor } from "#app/platform/actor.ts";
import { authorize, notFound } from "#app/platform/http.server.ts";
import { isUuid } from "#app/platform/ids.ts";
import { loadNetworkAccess } from "../networks/network-access.server.ts";
import { canViewMeetings } from "./meetings.policy.ts";

export async function loadForMeetings(db: DbOrTx, actor: MaybeActor, networkId: string) {
  const loaded = await loadNetworkAccess(db, actor, networkId);
  authorize(canViewMeetings(actor, loaded.access), "not-found");
  return loaded;
}

export async function findMeeting(db: DbOrTx, networkId: string, meetingId: string) {
  if (!isUuid(meetingId)) notFound();
  const [meeting] = await db
    .select()
    .from(meetings)
    .where(and(eq(meetings.id, meetingId), eq(meetings.networkId, networkId)));
  if (!meeting) notFound();
  return meeting;
}

export async function listActiveMemberUsers(db: DbOrTx, networkId: string) {
  return db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      locale: users.locale,
      role: networkMembers.role,
      joinedAt: networkMembers.joinedAt,
    })
    .from(networkMembers)
    .innerJoin(users, eq(users.id, networkMembers.userId))
    .where(
      and(
        eq(networkMembers.networkId, networkId),
        eq(networkMembers.status, "active"),
        isNull(users.disabledAt),
      ),
    )
    .orderBy(asc(users.name));
}
