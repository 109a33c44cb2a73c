import { and, desc, eq, isNull, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "#app/db/client.server.ts";
import {
  networkMembers,
  notificationPreferences,
  notifications,
  users,
} from "#app/db/schema/index.ts";
import { notFound } from "#app/platform/errors.ts";
import { isUuid } from "#app/platform/ids.ts";
import { type Page, pageOf } from "#app/platform/paging.ts";
import { type NotificationChannel, type NotificationKind, notificationKinds } from "./kinds.ts";

/** The bell counts at most this many; beyond it it reads "99+". */
export const unreadCap = 99;

/**
 * A notification stays visible only while its reader may still see what it is about: one without a
 * network, or one of a network the reader is an active member of. What happens in a network
 * (its discussion, meetings, surveys) is for its members, open networks included, so someone who
 * left no longer hears of it, nor keeps what they heard. (The networks module holds the full
 * rule; notifications sits below it, so the rule is repeated here in SQL.)
 */
function visibleToReader(userId: string): SQL {
  return sql`(${notifications.networkId} is null
    or exists (select 1 from ${networkMembers} where ${networkMembers.networkId} = ${notifications.networkId}
      and ${networkMembers.userId} = ${userId} and ${networkMembers.status} = 'active'))`;
}

function mine(userId: string) {
  return and(eq(notifications.userId, userId), visibleToReader(userId));
}

/**
 * The number on the bell, asked on every page: counts at most unreadCap + 1 unread rows on the
 * partial index notifications_unread_idx, so it costs the same however many there are.
 */
export async function countUnreadNotifications(db: DbOrTx, userId: string): Promise<number> {
  const unread = db
    .select({ one: sql`1` })
    .from(notifications)
    .where(and(mine(userId), isNull(notifications.readAt)))
    .limit(unreadCap + 1)
    .as("unread");
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(unread);
  return row?.n ?? 0;
}

interface NotificationItem {
  id: string;
  kind: NotificationKind;
  /** the actor's current name ("Oud-lid" once erased); null when the event had none */
  actorName: string | null;
  subject: string;
  link: string;
  createdAt: Date;
  read: boolean;
}

/** My notifications, newest first, a page at a time (one extra row says there is a next page). */
export async function listNotifications(db: DbOrTx, userId: string, page: Page) {
  const rows = await db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      actorName: users.name,
      subject: notifications.subject,
      link: notifications.link,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
    })
    .from(notifications)
    .leftJoin(users, eq(users.id, notifications.actorId))
    .where(mine(userId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(page.perPage + 1)
    .offset(page.offset);
  const items: NotificationItem[] = rows
    .filter((row) => isKind(row.kind))
    .map(({ readAt, kind, ...row }) => ({
      ...row,
      kind: kind as NotificationKind,
      read: !!readAt,
    }));
  return pageOf(items, page);
}

function isKind(kind: string): kind is NotificationKind {
  return (notificationKinds as readonly string[]).includes(kind);
}

/**
 * Marks one of my notifications read and gives its link. Someone else's, or one whose network I
 * can no longer see, is a 404, as an unknown id is.
 */
export async function markNotificationRead(db: DbOrTx, userId: string, notificationId: string) {
  if (!isUuid(notificationId)) notFound();
  const [row] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(eq(notifications.id, notificationId), mine(userId)))
    .returning({ link: notifications.link });
  if (!row) notFound();
  return row.link;
}

/** "Alles gelezen": every unread one of mine. */
export async function markAllNotificationsRead(db: DbOrTx, userId: string) {
  await db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
}

/** Per kind, how I want to hear of it; a kind I never chose for is "both". */
export async function getNotificationPreferences(
  db: DbOrTx,
  userId: string,
): Promise<Record<NotificationKind, NotificationChannel>> {
  const rows = await db
    .select({ kind: notificationPreferences.kind, channel: notificationPreferences.channel })
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, userId));
  const chosen = new Map(rows.map((row) => [row.kind, row.channel]));
  return Object.fromEntries(
    notificationKinds.map((kind) => [kind, chosen.get(kind) ?? "both"]),
  ) as Record<NotificationKind, NotificationChannel>;
}

/** Saves the choice per kind; "both" is the default and is stored like any other choice. */
export async function saveNotificationPreferences(
  db: DbOrTx,
  userId: string,
  choices: Record<NotificationKind, NotificationChannel>,
) {
  const values = notificationKinds.map((kind) => ({ userId, kind, channel: choices[kind] }));
  await db
    .insert(notificationPreferences)
    .values(values)
    .onConflictDoUpdate({
      target: [notificationPreferences.userId, notificationPreferences.kind],
      set: { channel: sql`excluded.channel` },
    });
}
