import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "#app/db/client.server.ts";
import { notificationPreferences, notifications } from "#app/db/schema/index.ts";
import type { NotificationChannel, NotificationKind } from "./kinds.ts";

interface NotificationEvent {
  /** who hears of it */
  userId: string;
  kind: NotificationKind;
  /** who caused it (shown by name, or "Oud-lid" once erased) */
  actorId?: string | null;
  /** the network it happened in: the notification disappears when its reader can no longer see it */
  networkId?: string | null;
  /** the title of what it is about; never a message body */
  subject: string;
  /** a path inside Knooppunt */
  link: string;
}

/** Where each of these people wants to hear of the kind; absent means both. */
export async function channelsFor(
  db: DbOrTx,
  userIds: string[],
  kind: NotificationKind,
): Promise<Map<string, NotificationChannel>> {
  const channels = new Map<string, NotificationChannel>(userIds.map((id) => [id, "both"]));
  if (userIds.length === 0) return channels;
  const rows = await db
    .select({ userId: notificationPreferences.userId, channel: notificationPreferences.channel })
    .from(notificationPreferences)
    .where(
      and(inArray(notificationPreferences.userId, userIds), eq(notificationPreferences.kind, kind)),
    );
  for (const row of rows) channels.set(row.userId, row.channel);
  return channels;
}

function wantsApp(channel: NotificationChannel) {
  return channel !== "mail";
}

function wantsMail(channel: NotificationChannel) {
  return channel !== "app";
}

/** Paths only: a notification never sends its reader off-site. */
function internalPath(link: string) {
  if (!link.startsWith("/") || link.startsWith("//") || link.startsWith("/\\")) {
    throw new Error(`notification link must be an internal path: ${link}`);
  }
  return link;
}

/**
 * Tells one person of an event the way they chose for its kind: a row for the bell, the mail the
 * module has always sent (its sendTemplatedMail call, passed as `mail`), or both. Runs in the
 * caller's transaction, so the notification comes and goes with the change it reports.
 */
export async function notify(
  db: DbOrTx,
  event: NotificationEvent,
  mail?: () => Promise<void>,
): Promise<void> {
  const channel = (await channelsFor(db, [event.userId], event.kind)).get(event.userId) ?? "both";
  if (wantsApp(channel)) {
    await db.insert(notifications).values({
      userId: event.userId,
      kind: event.kind,
      actorId: event.actorId ?? null,
      networkId: event.networkId ?? null,
      subject: event.subject,
      link: internalPath(event.link),
    });
  }
  if (mail && wantsMail(channel)) await mail();
}
