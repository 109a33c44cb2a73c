import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "#app/db/client.server.ts";
import { networkMembers } from "#app/db/schema/index.ts";
import type { Actor } from "#app/platform/actor.ts";
import { sendTemplatedMail } from "#app/platform/mailer.server.ts";

export interface GroupMember {
  userId: string;
  email: string;
  name: string;
  locale: string;
}

/**
 * The other members of a confidential group hear that something is new, never what: the mail
 * holds only a link (platform admins see only delivery metadata in the outbox, but mail leaves our hands).
 */
export async function tellGroupMembers(
  db: DbOrTx,
  actor: Actor,
  members: GroupMember[],
  key: "mail.buddyActivity" | "mail.intervisionActivity",
  link: string,
) {
  for (const member of members) {
    if (member.userId === actor.userId) continue;
    await sendTemplatedMail(db, member, key, { name: member.name, link });
  }
}

/** Whether every one of these people is an active member of the network (groups are formed from them). */
export async function allActiveMembers(db: DbOrTx, networkId: string, userIds: string[]) {
  const active = await db
    .select({ userId: networkMembers.userId })
    .from(networkMembers)
    .where(
      and(
        eq(networkMembers.networkId, networkId),
        eq(networkMembers.status, "active"),
        inArray(networkMembers.userId, userIds),
      ),
    );
  return active.length === new Set(userIds).size;
}
