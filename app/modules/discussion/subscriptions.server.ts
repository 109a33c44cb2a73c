import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Db, DbOrTx } from "#app/db/client.server.ts";
import { discussionSubscriptions } from "#app/db/schema/index.ts";
import { notFound } from "#app/platform/errors.ts";
import type { SignedInNetwork } from "../networks/network-access.server.ts";
import type { SubscriptionMode } from "./discussion.schema.ts";
import { requireDiscussion } from "./discussion.server.ts";

const newSecret = () => randomBytes(18).toString("base64url");

/** The member's e-mail settings for this network, created on first use. */
export async function ensureSubscription(db: DbOrTx, networkId: string, userId: string) {
  await db
    .insert(discussionSubscriptions)
    .values({
      networkId,
      userId,
      unsubscribeToken: newSecret(),
      replyKey: newSecret().slice(0, 12),
    })
    .onConflictDoNothing();
  const [row] = await db
    .select()
    .from(discussionSubscriptions)
    .where(
      and(
        eq(discussionSubscriptions.networkId, networkId),
        eq(discussionSubscriptions.userId, userId),
      ),
    );
  if (!row) throw new Error("subscription missing");
  return row;
}

/**
 * How the member follows this network by mail, for the page: read only. No row means they never
 * chose, which is "each message" (the mail job reads it the same way); the row with its secrets is
 * made when a mail first needs them or the member saves a choice, never by viewing a page.
 */
export async function getMySubscription(db: DbOrTx, authorized: SignedInNetwork) {
  const { actor } = requireDiscussion(authorized);
  const networkId = authorized.id;
  const [row] = await db
    .select({ mode: discussionSubscriptions.mode })
    .from(discussionSubscriptions)
    .where(
      and(
        eq(discussionSubscriptions.networkId, networkId),
        eq(discussionSubscriptions.userId, actor.userId),
      ),
    );
  return { mode: row?.mode ?? ("each" as const) };
}

export async function setSubscription(db: Db, authorized: SignedInNetwork, mode: SubscriptionMode) {
  const { actor } = requireDiscussion(authorized);
  const networkId = authorized.id;
  await ensureSubscription(db, networkId, actor.userId);
  await db
    .update(discussionSubscriptions)
    .set({ mode, digestedUntil: new Date() })
    .where(
      and(
        eq(discussionSubscriptions.networkId, networkId),
        eq(discussionSubscriptions.userId, actor.userId),
      ),
    );
}

/** The unsubscribe link works without logging in; the token is the proof. */
export async function unsubscribeByToken(db: DbOrTx, token: string) {
  if (!/^[A-Za-z0-9_-]{10,64}$/.test(token)) notFound();
  const [row] = await db
    .update(discussionSubscriptions)
    .set({ mode: "none" })
    .where(eq(discussionSubscriptions.unsubscribeToken, token))
    .returning({ networkId: discussionSubscriptions.networkId });
  if (!row) notFound();
  return row;
}
