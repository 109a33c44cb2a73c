import { and, asc, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "#app/db/client.server.ts";
import { meetings, networkMembers, users } from "#app/db/schema/index.ts";
import { authorize, notFound } from "#app/platform/errors.ts";
import { isUuid } from "#app/platform/ids.ts";
import type { AuthorizedNetwork } from "../networks/network-access.server.ts";
import { canViewMeetings } from "./meetings.policy.ts";

/** A network's meetings are for those who may see them; others get the 404. */
export function requireViewMeetings(net: AuthorizedNetwork) {
  authorize(canViewMeetings(net.actor, net.access), "not-found");
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
