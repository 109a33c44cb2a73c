import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "#app/db/client.server.ts";
import {
  enrolmentRoutes,
  networkMembers,
  organisations,
  users,
  waitingList,
} from "#app/db/schema/index.ts";
import { authorize, notFound } from "#app/platform/errors.ts";
import { FieldError } from "#app/platform/forms.ts";
import { shownAvatarFileId } from "../accounts/avatar.server.ts";
import type { AuthorizedNetwork, SignedInNetwork } from "../networks/network-access.server.ts";
import { canManageNetwork } from "../networks/networks.policy.ts";
import { countActiveMembers, lockNetwork } from "../networks/networks.server.ts";
import { countPenvoerders } from "./memberships.internal.ts";

/** For the penvoerder: who joined and left when, pending intakes, and the waiting list. */
export async function getMembershipAdmin(db: DbOrTx, net: AuthorizedNetwork) {
  const { network, access, actor, id: networkId } = net;
  authorize(canManageNetwork(actor, access));
  const [history, waiting, activeCount] = await Promise.all([
    db
      .select({
        id: networkMembers.id,
        userId: users.id,
        name: users.name,
        avatarFileId: shownAvatarFileId,
        role: networkMembers.role,
        status: networkMembers.status,
        routeName: enrolmentRoutes.name,
        priceCents: networkMembers.priceCents,
        schoolName: organisations.name,
        motivation: networkMembers.motivation,
        learningQuestionDraft: networkMembers.learningQuestionDraft,
        nominatedByName: sql<
          string | null
        >`(select name from users n where n.id = ${networkMembers.nominatedBy})`,
        nominationNote: networkMembers.nominationNote,
        joinedAt: networkMembers.joinedAt,
        leftAt: networkMembers.leftAt,
        createdAt: networkMembers.createdAt,
      })
      .from(networkMembers)
      .innerJoin(users, eq(users.id, networkMembers.userId))
      .leftJoin(enrolmentRoutes, eq(enrolmentRoutes.id, networkMembers.routeId))
      .leftJoin(organisations, eq(organisations.id, networkMembers.organisationId))
      .where(eq(networkMembers.networkId, networkId))
      .orderBy(
        desc(
          sql`coalesce(${networkMembers.leftAt}, ${networkMembers.joinedAt}, ${networkMembers.createdAt})`,
        ),
      ),
    db
      .select({
        id: waitingList.id,
        name: users.name,
        status: waitingList.status,
        offerExpiresAt: waitingList.offerExpiresAt,
        createdAt: waitingList.createdAt,
        schoolName: organisations.name,
      })
      .from(waitingList)
      .innerJoin(users, eq(users.id, waitingList.userId))
      .leftJoin(organisations, eq(organisations.id, waitingList.organisationId))
      .where(
        and(
          eq(waitingList.networkId, networkId),
          inArray(waitingList.status, ["waiting", "offered"]),
        ),
      )
      .orderBy(asc(waitingList.createdAt)),
    countActiveMembers(db, networkId),
  ]);
  return {
    network,
    history,
    waiting,
    activeCount,
    canStartSecond: waiting.length >= network.capacity,
  };
}

/**
 * The penvoerder (or another manager) makes an active member facilitator or co-penvoerder,
 * or back; a network always keeps at least one penvoerder.
 */
export async function setMemberRole(
  db: Db,
  net: SignedInNetwork,
  input: { memberId: string; role: "penvoerder" | "facilitator" | "deelnemer" },
) {
  authorize(canManageNetwork(net.actor, net.access));
  const networkId = net.id;
  await db.transaction(async (tx) => {
    await lockNetwork(tx, networkId);
    const [member] = await tx
      .select()
      .from(networkMembers)
      .where(
        and(
          eq(networkMembers.id, input.memberId),
          eq(networkMembers.networkId, networkId),
          eq(networkMembers.status, "active"),
        ),
      );
    if (!member) notFound();
    if (member.role === "penvoerder" && input.role !== "penvoerder") {
      if ((await countPenvoerders(tx, networkId)) <= 1)
        throw new FieldError("form", "error.role.lastPenvoerder");
    }
    await tx
      .update(networkMembers)
      .set({ role: input.role })
      .where(eq(networkMembers.id, member.id));
  });
}
