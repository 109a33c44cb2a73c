import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "#app/db/client.server.ts";
import { networkMembers, users } from "#app/db/schema/index.ts";
import { notFound } from "#app/platform/errors.ts";
import { isUuid } from "#app/platform/ids.ts";

export async function activeMember(
  db: DbOrTx,
  networkId: string,
  where: { userId?: string; memberId?: string },
) {
  // An empty member id (a form without its field) is an unknown member too, not a userId lookup.
  if (where.memberId !== undefined && !isUuid(where.memberId)) notFound();
  const [member] = await db
    .select({
      id: networkMembers.id,
      userId: networkMembers.userId,
      name: users.name,
      email: users.email,
      locale: users.locale,
      routeId: networkMembers.routeId,
      joinedAt: networkMembers.joinedAt,
      routeCompletedAt: networkMembers.routeCompletedAt,
    })
    .from(networkMembers)
    .innerJoin(users, eq(users.id, networkMembers.userId))
    .where(
      and(
        eq(networkMembers.networkId, networkId),
        eq(networkMembers.status, "active"),
        where.memberId !== undefined
          ? eq(networkMembers.id, where.memberId)
          : eq(networkMembers.userId, where.userId ?? ""),
      ),
    );
  return member ?? null;
}
