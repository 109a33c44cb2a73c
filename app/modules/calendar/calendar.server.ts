import { and, asc, eq, gt, inArray, isNull, type SQL } from "drizzle-orm";
import type { DbOrTx } from "#app/db/client.server.ts";
import {
  assignments,
  buddyGroupMembers,
  buddyMeetings,
  calendarSettings,
  conversations,
  meetings,
  networkMembers,
  networks,
  users,
} from "#app/db/schema/index.ts";
import type { Actor } from "#app/platform/actor.ts";
import { type CalendarEvent, toICalendar } from "#app/platform/ical.ts";
import { hashToken, newToken } from "#app/platform/tokens.server.ts";
import { getMeeting } from "../meetings/meetings.server.ts";
import type { AuthorizedNetwork } from "../networks/network-access.server.ts";

export const defaultReminders = { meetingReminderHours: 24, dueReminderHours: 48 };

export async function getCalendarSettings(db: DbOrTx, actor: Actor) {
  const [row] = await db
    .select()
    .from(calendarSettings)
    .where(eq(calendarSettings.userId, actor.userId));
  return {
    hasFeed: !!row?.feedTokenHash,
    feedCreatedAt: row?.feedCreatedAt ?? null,
    meetingReminderHours: row ? row.meetingReminderHours : defaultReminders.meetingReminderHours,
    dueReminderHours: row ? row.dueReminderHours : defaultReminders.dueReminderHours,
  };
}

/** A new secret feed address; the previous one stops working at once. Shown once: we keep only its hash. */
export async function createFeed(db: DbOrTx, actor: Actor) {
  const token = newToken();
  const set = { feedTokenHash: hashToken(token), feedCreatedAt: new Date() };
  await db
    .insert(calendarSettings)
    .values({ userId: actor.userId, ...set })
    .onConflictDoUpdate({ target: calendarSettings.userId, set });
  return token;
}

export async function revokeFeed(db: DbOrTx, actor: Actor) {
  await db
    .update(calendarSettings)
    .set({ feedTokenHash: null, feedCreatedAt: null })
    .where(eq(calendarSettings.userId, actor.userId));
}

export async function saveReminderSettings(
  db: DbOrTx,
  actor: Actor,
  input: { meetingReminderHours: number | null; dueReminderHours: number | null },
) {
  await db
    .insert(calendarSettings)
    .values({ userId: actor.userId, ...input })
    .onConflictDoUpdate({ target: calendarSettings.userId, set: input });
}

export interface AgendaItem {
  uid: string;
  kind: "meeting" | "conversation" | "due" | "buddy";
  title: string;
  networkId: string;
  networkName: string;
  startsAt: Date;
  endsAt: Date;
  location: string;
  path: string;
  cancelled: boolean;
  sequence: number;
}

/**
 * Conversations I take part in or lead. Two index walks (my memberships; what I facilitate)
 * rather than one OR across two tables, which no index can serve.
 */
async function myConversations(db: DbOrTx, userId: string, from: Date) {
  const upcoming = (whose: SQL | undefined) =>
    db
      .select({
        id: conversations.id,
        kind: conversations.kind,
        startsAt: conversations.startsAt,
        endsAt: conversations.endsAt,
        onlineUrl: conversations.onlineUrl,
        networkId: networks.id,
        networkName: networks.name,
        memberName: users.name,
      })
      .from(conversations)
      .innerJoin(networkMembers, eq(networkMembers.id, conversations.memberId))
      .innerJoin(networks, eq(networks.id, networkMembers.networkId))
      .innerJoin(users, eq(users.id, networkMembers.userId))
      .where(
        and(
          inArray(conversations.status, ["confirmed", "held"]),
          gt(conversations.endsAt, from),
          whose,
        ),
      );
  const [asMember, asFacilitator] = await Promise.all([
    upcoming(eq(networkMembers.userId, userId)),
    upcoming(eq(conversations.facilitatorId, userId)),
  ]);
  const seen = new Set(asMember.map((c) => c.id));
  return [...asMember, ...asFacilitator.filter((c) => !seen.has(c.id))];
}

/** Everything in a person's calendar: meetings of their networks, their conversations, due dates. */
export async function agendaItems(db: DbOrTx, userId: string, from: Date): Promise<AgendaItem[]> {
  const memberOf = db
    .select({ networkId: networkMembers.networkId })
    .from(networkMembers)
    .where(and(eq(networkMembers.userId, userId), eq(networkMembers.status, "active")));
  const [meetingRows, talkRows, dueRows, buddyRows] = await Promise.all([
    db
      .select({
        id: meetings.id,
        theme: meetings.theme,
        startsAt: meetings.startsAt,
        endsAt: meetings.endsAt,
        mode: meetings.mode,
        onlineUrl: meetings.onlineUrl,
        address: meetings.address,
        cancelledAt: meetings.cancelledAt,
        version: meetings.version,
        networkId: networks.id,
        networkName: networks.name,
      })
      .from(meetings)
      .innerJoin(networks, eq(networks.id, meetings.networkId))
      .where(and(inArray(meetings.networkId, memberOf), gt(meetings.endsAt, from)))
      .orderBy(asc(meetings.startsAt)),
    myConversations(db, userId, from),
    db
      .select({
        id: assignments.id,
        title: assignments.title,
        dueAt: assignments.dueAt,
        networkId: networks.id,
        networkName: networks.name,
      })
      .from(assignments)
      .innerJoin(networks, eq(networks.id, assignments.networkId))
      .where(and(inArray(assignments.networkId, memberOf), gt(assignments.dueAt, from))),
    // the own meeting times of my buddy groups, in networks I am still in
    db
      .select({
        id: buddyMeetings.id,
        groupId: buddyMeetings.groupId,
        startsAt: buddyMeetings.startsAt,
        endsAt: buddyMeetings.endsAt,
        place: buddyMeetings.place,
        networkId: networks.id,
        networkName: networks.name,
      })
      .from(buddyMeetings)
      .innerJoin(buddyGroupMembers, eq(buddyGroupMembers.groupId, buddyMeetings.groupId))
      .innerJoin(networks, eq(networks.id, buddyGroupMembers.networkId))
      .where(
        and(
          eq(buddyGroupMembers.userId, userId),
          inArray(buddyGroupMembers.networkId, memberOf),
          gt(buddyMeetings.endsAt, from),
        ),
      ),
  ]);
  const items: AgendaItem[] = [
    ...meetingRows.map((m) => ({
      uid: `meeting-${m.id}@knooppunt`,
      kind: "meeting" as const,
      title: m.theme ? `${m.networkName}: ${m.theme}` : m.networkName,
      networkId: m.networkId,
      networkName: m.networkName,
      startsAt: m.startsAt,
      endsAt: m.endsAt,
      location: m.mode === "online" ? m.onlineUrl : m.address,
      path: `/netwerken/${m.networkId}/bijeenkomsten/${m.id}`,
      cancelled: !!m.cancelledAt,
      sequence: m.version,
    })),
    ...talkRows.flatMap((t) =>
      t.startsAt && t.endsAt
        ? [
            {
              uid: `conversation-${t.id}@knooppunt`,
              kind: "conversation" as const,
              title: `${t.networkName}: ${t.kind === "intake" ? "intakegesprek" : t.kind === "development" ? "ontwikkelgesprek" : "afrondend gesprek"} (${t.memberName})`,
              networkId: t.networkId,
              networkName: t.networkName,
              startsAt: t.startsAt,
              endsAt: t.endsAt,
              location: t.onlineUrl,
              path: `/netwerken/${t.networkId}/gesprekken/${t.id}`,
              cancelled: false,
              sequence: 0,
            },
          ]
        : [],
    ),
    ...dueRows.map((a) => ({
      uid: `due-${a.id}@knooppunt`,
      kind: "due" as const,
      title: `${a.networkName}: inleveren ${a.title}`,
      networkId: a.networkId,
      networkName: a.networkName,
      startsAt: new Date(a.dueAt.getTime() - 30 * 60_000),
      endsAt: a.dueAt,
      location: "",
      path: `/netwerken/${a.networkId}/leergang/opdrachten/${a.id}`,
      cancelled: false,
      sequence: 0,
    })),
    ...buddyRows.map((b) => ({
      uid: `buddy-${b.id}@knooppunt`,
      kind: "buddy" as const,
      title: `Maatjes (${b.networkName})`,
      networkId: b.networkId,
      networkName: b.networkName,
      startsAt: b.startsAt,
      endsAt: b.endsAt,
      location: b.place,
      path: `/netwerken/${b.networkId}/maatjes/${b.groupId}`,
      cancelled: false,
      sequence: 0,
    })),
  ];
  return items.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

function toEvents(items: AgendaItem[], baseUrl: string): CalendarEvent[] {
  return items.map((item) => ({
    uid: item.uid,
    start: item.startsAt,
    end: item.endsAt,
    summary: item.title,
    location: item.location,
    url: `${baseUrl}${item.path}`,
    description: `${baseUrl}${item.path}`,
    cancelled: item.cancelled,
    sequence: item.sequence,
  }));
}

/** The feed behind a secret address; null for an unknown or revoked address. */
export async function feedForToken(db: DbOrTx, token: string, baseUrl: string) {
  const [owner] = await db
    .select({ userId: calendarSettings.userId, name: users.name })
    .from(calendarSettings)
    .innerJoin(users, eq(users.id, calendarSettings.userId))
    .where(and(eq(calendarSettings.feedTokenHash, hashToken(token)), isNull(users.disabledAt)));
  if (!owner) return null;
  const since = new Date(Date.now() - 90 * 24 * 3600_000);
  return toICalendar(
    `Knooppunt — ${owner.name}`,
    toEvents(await agendaItems(db, owner.userId, since), baseUrl),
  );
}

/** One meeting as an .ics download (for members only, like the meeting page). */
export async function meetingCalendar(
  db: DbOrTx,
  net: AuthorizedNetwork,
  meetingId: string,
  baseUrl: string,
) {
  const { network, meeting } = await getMeeting(db, net, meetingId);
  const networkId = net.id;
  const path = `/netwerken/${networkId}/bijeenkomsten/${meetingId}`;
  return toICalendar(network.name, [
    {
      uid: `meeting-${meeting.id}@knooppunt`,
      start: meeting.startsAt,
      end: meeting.endsAt,
      summary: meeting.theme ? `${network.name}: ${meeting.theme}` : network.name,
      location: meeting.mode === "online" ? meeting.onlineUrl : meeting.address,
      url: `${baseUrl}${path}`,
      description: `${baseUrl}${path}`,
      cancelled: !!meeting.cancelledAt,
      sequence: meeting.version,
    },
  ]);
}
