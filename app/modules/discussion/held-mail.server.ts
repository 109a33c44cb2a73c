import { and, eq, gt, inArray, lte } from "drizzle-orm";
import type { Db, DbOrTx } from "#app/db/client.server.ts";
import {
  discussionAttachments,
  heldInboundMailFiles,
  heldInboundMails,
  networks,
  storedFiles,
} from "#app/db/schema/index.ts";
import type { Actor } from "#app/platform/actor.ts";
import { notFound } from "#app/platform/errors.ts";
import { hashToken } from "#app/platform/tokens.server.ts";
import { insertTopic, isActiveMember } from "./discussion.server.ts";

/** Held mails nobody confirmed in time go, with their stored attachments. */
export async function purgeExpiredHeldMails(db: DbOrTx, now = new Date()) {
  const expired = db
    .select({ id: heldInboundMails.id })
    .from(heldInboundMails)
    .where(lte(heldInboundMails.expiresAt, now));
  await db
    .delete(storedFiles)
    .where(
      inArray(
        storedFiles.id,
        db
          .select({ id: heldInboundMailFiles.fileId })
          .from(heldInboundMailFiles)
          .where(inArray(heldInboundMailFiles.heldMailId, expired)),
      ),
    );
  await db.delete(heldInboundMails).where(lte(heldInboundMails.expiresAt, now));
}

/** The held mail behind a confirm link, for the member it was held for; anyone else gets a 404. */
async function findHeldMail(db: DbOrTx, actor: Actor, token: string) {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) notFound();
  const [held] = await db
    .select()
    .from(heldInboundMails)
    .where(
      and(
        eq(heldInboundMails.tokenHash, hashToken(token)),
        gt(heldInboundMails.expiresAt, new Date()),
      ),
    );
  if (!held || held.userId !== actor.userId) notFound();
  return held;
}

async function heldFileIds(db: DbOrTx, heldMailId: string) {
  const rows = await db
    .select({ id: heldInboundMailFiles.fileId })
    .from(heldInboundMailFiles)
    .where(eq(heldInboundMailFiles.heldMailId, heldMailId));
  return rows.map((row) => row.id);
}

/** What the confirm page shows: the mail as it would be published. */
export async function getHeldMail(db: DbOrTx, actor: Actor, token: string) {
  const held = await findHeldMail(db, actor, token);
  const [network] = await db
    .select({ name: networks.name })
    .from(networks)
    .where(eq(networks.id, held.networkId));
  const files = await db
    .select({ name: storedFiles.name, size: storedFiles.size })
    .from(heldInboundMailFiles)
    .innerJoin(storedFiles, eq(storedFiles.id, heldInboundMailFiles.fileId))
    .where(eq(heldInboundMailFiles.heldMailId, held.id));
  return {
    networkId: held.networkId,
    networkName: network?.name ?? "",
    title: held.title,
    body: held.body,
    receivedAt: held.createdAt,
    files,
  };
}

/**
 * The member confirms their held mail: it becomes a topic, as if it had been proven on
 * arrival. One use: the held row is deleted in the same transaction.
 */
export async function publishHeldMail(
  db: Db,
  actor: Actor,
  token: string,
): Promise<{ published: true; networkId: string; topicId: string } | { published: false }> {
  return db.transaction(async (tx) => {
    const held = await findHeldMail(tx, actor, token);
    if (!(await isActiveMember(tx, held.networkId, actor.userId))) return { published: false };
    const fileIds = await heldFileIds(tx, held.id);
    const [claimed] = await tx
      .delete(heldInboundMails)
      .where(eq(heldInboundMails.id, held.id))
      .returning({ id: heldInboundMails.id });
    if (!claimed) notFound();
    const topicId = await insertEmailTopic(tx, held.networkId, actor.userId, held.title, held.body);
    for (const fileId of fileIds) {
      await tx.insert(discussionAttachments).values({ topicId, postId: null, fileId });
    }
    return { published: true, networkId: held.networkId, topicId };
  });
}

/** The member did not send it (or changed their mind): it goes, attachments included. */
export async function discardHeldMail(db: Db, actor: Actor, token: string) {
  return db.transaction(async (tx) => {
    const held = await findHeldMail(tx, actor, token);
    const fileIds = await heldFileIds(tx, held.id);
    if (fileIds.length) await tx.delete(storedFiles).where(inArray(storedFiles.id, fileIds));
    await tx.delete(heldInboundMails).where(eq(heldInboundMails.id, held.id));
    return { networkId: held.networkId };
  });
}

/** A topic that arrived by mail: a question, published as the member wrote it. */
export function insertEmailTopic(
  tx: DbOrTx,
  networkId: string,
  authorId: string,
  title: string,
  body: string,
) {
  return insertTopic(tx, {
    networkId,
    authorId,
    kind: "question",
    title,
    body,
    themes: [],
    meetingId: null,
    via: "email",
  });
}
