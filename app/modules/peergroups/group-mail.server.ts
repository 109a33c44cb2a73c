import type { DbOrTx } from "#app/db/client.server.ts";
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
 * holds only a link (the outbox is readable by platform admins).
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
