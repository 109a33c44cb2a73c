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
  /** Where it is: the address or place, or else the online link ("" when neither is known). */
  location: string;
  /** The address or place, when it is somewhere. */
  place: string;
  /** The link to join online, when it is online. */
  onlineUrl: string;
  path: string;
  cancelled: boolean;
  sequence: number;
}

const isWebLink = (text: string) => /^https?:\/\/\S+$/i.test(text.trim());

/** Only an http(s) address becomes a link (the agenda's href, the feed's URL); else it is text. */
function whereOf(place: string, onlineUrl: string) {
  const link = isWebLink(onlineUrl) ? onlineUrl.trim() : "";
  const text = place || (link ? "" : onlineUrl);
  return { place: text, onlineUrl: link, location: text || link };
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
      ...whereOf(m.mode === "online" ? "" : m.address, m.mode === "online" ? m.onlineUrl : ""),
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
              ...whereOf("", t.onlineUrl),
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
      ...whereOf("", ""),
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
      // Buddies write one line: a place, or the link of their video call.
      ...(isWebLink(b.place) ? whereOf("", b.place) : whereOf(b.place, "")),
      path: `/netwerken/${b.networkId}/maatjes/${b.groupId}`,
      cancelled: false,
      sequence: 0,
    })),
  ];
  return items.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

/** The hours before a meeting and before a due date that the person wants a reminder (null: none). */
async function reminderHoursOf(db: DbOrTx, userId: string) {
  const [row] = await db
    .select({
      meetingReminderHours: calendarSettings.meetingReminderHours,
      dueReminderHours: calendarSettings.dueReminderHours,
    })
    .from(calendarSettings)
    .where(eq(calendarSettings.userId, userId));
  return row ?? defaultReminders;
}

type ReminderHours = Awaited<ReturnType<typeof reminderHoursOf>>;

/**
 * Where it is, in the description too: some calendar apps show LOCATION only as text and URL
 * not at all, so the online link and the page are written out where everyone sees them.
 */
function descriptionOf(item: { place: string; onlineUrl: string }, pageUrl: string) {
  return [
    item.onlineUrl ? `Online: ${item.onlineUrl}` : "",
    item.place ? `Plaats: ${item.place}` : "",
    `Meer in Knooppunt: ${pageUrl}`,
  ]
    .filter(Boolean)
    .join("\n");
}

/** The calendar app's own reminder, at the hours the person chose for mail reminders. */
function alarmFor(kind: AgendaItem["kind"], title: string, hours: ReminderHours) {
  const chosen = kind === "due" ? hours.dueReminderHours : hours.meetingReminderHours;
  if (chosen === null) return undefined;
  return { minutesBefore: chosen * 60, description: title, beforeEnd: kind === "due" };
}

function toEvents(items: AgendaItem[], baseUrl: string, hours: ReminderHours): CalendarEvent[] {
  return items.map((item) => ({
    uid: item.uid,
    start: item.startsAt,
    end: item.endsAt,
    summary: item.title,
    location: item.location,
    url: `${baseUrl}${item.path}`,
    description: descriptionOf(item, `${baseUrl}${item.path}`),
    cancelled: item.cancelled,
    sequence: item.sequence,
    alarm: alarmFor(item.kind, item.title, hours),
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
  const [items, hours] = await Promise.all([
    agendaItems(db, owner.userId, since),
    reminderHoursOf(db, owner.userId),
  ]);
  return toICalendar(`Knooppunt — ${owner.name}`, toEvents(items, baseUrl, hours));
}

/** One meeting as an .ics download (for members only, like the meeting page). */
export async function meetingCalendar(
  db: DbOrTx,
  net: AuthorizedNetwork,
  meetingId: string,
  baseUrl: string,
) {
  const [{ network, meeting }, hours] = await Promise.all([
    getMeeting(db, net, meetingId),
    net.actor ? reminderHoursOf(db, net.actor.userId) : defaultReminders,
  ]);
  const path = `/netwerken/${net.id}/bijeenkomsten/${meetingId}`;
  const online = meeting.mode === "online";
  const item = whereOf(online ? "" : meeting.address, online ? meeting.onlineUrl : "");
  const summary = meeting.theme ? `${network.name}: ${meeting.theme}` : network.name;
  return toICalendar(network.name, [
    {
      uid: `meeting-${meeting.id}@knooppunt`,
      start: meeting.startsAt,
      end: meeting.endsAt,
      summary,
      location: item.location,
      url: `${baseUrl}${path}`,
      description: descriptionOf(item, `${baseUrl}${path}`),
      cancelled: !!meeting.cancelledAt,
      sequence: meeting.version,
      alarm: alarmFor("meeting", summary, hours),
    },
  ]);
}
