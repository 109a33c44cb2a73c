import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "#app/db/client.server.ts";
import {
  discussionSubscriptions,
  networks,
  notificationPreferences,
  users,
} from "#app/db/schema/index.ts";
import {
  allMailPreference,
  readUnsubscribeToken,
  type UnsubscribeScope,
} from "#app/platform/mail-unsubscribe.server.ts";
import { type NotificationKind, notificationKinds } from "./kinds.ts";

export type UnsubscribeTarget =
  | { type: "kind"; kind: NotificationKind }
  | { type: "discussion"; network: string }
  | { type: "all" };

/**
 * What a one-click link stops, for the confirmation page: the kind or the network's name, never
 * the person's name or address (a forwarded mail must not tell its reader whose link it is).
 * Null for a link we did not sign or whose person or network is gone.
 */
export async function unsubscribeTarget(db: DbOrTx, token: string) {
  const read = await readUnsubscribeToken(db, token);
  if (!read) return null;
  const [person] = await db.select({ id: users.id }).from(users).where(eq(users.id, read.userId));
  if (!person) return null;
  const target = await targetOf(db, read.scope);
  return target ? { userId: read.userId, scope: read.scope, target } : null;
}

async function targetOf(db: DbOrTx, scope: UnsubscribeScope): Promise<UnsubscribeTarget | null> {
  if (scope.type === "kind") {
    const kind = notificationKinds.find((k) => k === scope.kind);
    return kind ? { type: "kind", kind } : null;
  }
  if (scope.type === "discussion") {
    const [network] = await db
      .select({ name: networks.name })
      .from(networks)
      .where(eq(networks.id, scope.networkId));
    return network ? { type: "discussion", network: network.name } : null;
  }
  return { type: "all" };
}

async function choose(db: DbOrTx, userId: string, kind: string, channel: "app" | "both") {
  await db
    .insert(notificationPreferences)
    .values({ userId, kind, channel })
    .onConflictDoUpdate({
      target: [notificationPreferences.userId, notificationPreferences.kind],
      set: { channel: sql`excluded.channel` },
    });
}

/**
 * Stops what the link names. The same as the person could choose themselves: a kind's mail
 * channel becomes "app" (the bell stays; "Meldingen instellen" shows it), a discussion is no
 * longer followed by mail, or all mail that is not about the account stops. Doing it twice is
 * harmless. Returns false for a link that names nothing (the page then says so).
 */
export async function unsubscribe(db: DbOrTx, token: string) {
  const found = await unsubscribeTarget(db, token);
  if (!found) return null;
  const { userId, scope } = found;
  if (scope.type === "kind") await choose(db, userId, scope.kind, "app");
  else if (scope.type === "all") await choose(db, userId, allMailPreference, "app");
  else
    await db
      .update(discussionSubscriptions)
      .set({ mode: "none" })
      .where(
        and(
          eq(discussionSubscriptions.networkId, scope.networkId),
          eq(discussionSubscriptions.userId, userId),
        ),
      );
  return found.target;
}

/** Undoes the link's stop, from the page it led to (a click too many in a mail client). */
export async function resubscribe(db: DbOrTx, token: string) {
  const found = await unsubscribeTarget(db, token);
  if (!found) return null;
  const { userId, scope } = found;
  if (scope.type === "kind") await choose(db, userId, scope.kind, "both");
  else if (scope.type === "all")
    await db
      .delete(notificationPreferences)
      .where(
        and(
          eq(notificationPreferences.userId, userId),
          eq(notificationPreferences.kind, allMailPreference),
        ),
      );
  else
    await db
      .update(discussionSubscriptions)
      .set({ mode: "each" })
      .where(
        and(
          eq(discussionSubscriptions.networkId, scope.networkId),
          eq(discussionSubscriptions.userId, userId),
        ),
      );
  return found.target;
}
