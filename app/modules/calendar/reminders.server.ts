import { and, eq, gt, isNull, lt, sql } from "drizzle-orm";
import { publicBaseUrl } from "#app/core/env.server.ts";
import type { Db, DbOrTx } from "#app/db/client.server.ts";
import {
  assignments,
  calendarSettings,
  meetings,
  networkMembers,
  networks,
  submissions,
  users,
} from "#app/db/schema/index.ts";
import { formatDateTime } from "#app/i18n/dates.ts";
import { parseLocale } from "#app/i18n/messages.ts";
import { type JobHandler, scheduleJobOnce } from "#app/platform/jobs.server.ts";
import { sendTemplatedMail } from "#app/platform/mailer.server.ts";
import { defaultReminders } from "./calendar.server.ts";

/**
 * Looks ahead a week and schedules a reminder job per person and item at the hour they chose.
 * A job's key holds the meeting's version, so a moved meeting gets a fresh reminder and the
 * stale one finds out it is stale when it runs.
 */
export async function planReminders(db: DbOrTx, now = new Date()) {
  const horizon = new Date(now.getTime() + 8 * 24 * 3600_000);
  const hoursExpr = (column: "meeting_reminder_hours" | "due_reminder_hours", fallback: number) =>
    sql<
      number | null
    >`case when ${calendarSettings.userId} is null then ${fallback} else ${sql.raw(`calendar_settings.${column}`)} end`;
  const meetingTargets = await db
    .select({
      meetingId: meetings.id,
      version: meetings.version,
      startsAt: meetings.startsAt,
      userId: networkMembers.userId,
      hours: hoursExpr("meeting_reminder_hours", defaultReminders.meetingReminderHours),
    })
    .from(meetings)
    .innerJoin(
      networkMembers,
      and(eq(networkMembers.networkId, meetings.networkId), eq(networkMembers.status, "active")),
    )
    .leftJoin(calendarSettings, eq(calendarSettings.userId, networkMembers.userId))
    .where(
      and(isNull(meetings.cancelledAt), gt(meetings.startsAt, now), lt(meetings.startsAt, horizon)),
    );
  const dueTargets = await db
    .select({
      assignmentId: assignments.id,
      dueAt: assignments.dueAt,
      userId: networkMembers.userId,
      hours: hoursExpr("due_reminder_hours", defaultReminders.dueReminderHours),
    })
    .from(assignments)
    .innerJoin(
      networkMembers,
      and(
        eq(networkMembers.networkId, assignments.networkId),
        eq(networkMembers.status, "active"),
        eq(networkMembers.role, "deelnemer"),
      ),
    )
    .leftJoin(calendarSettings, eq(calendarSettings.userId, networkMembers.userId))
    .where(and(gt(assignments.dueAt, now), lt(assignments.dueAt, horizon)));
  let scheduled = 0;
  for (const target of meetingTargets) {
    if (target.hours === null) continue;
    const runAt = new Date(
      Math.max(now.getTime(), target.startsAt.getTime() - target.hours * 3600_000),
    );
    if (
      await scheduleJobOnce(db, {
        kind: "reminder",
        key: `reminder:meeting:${target.meetingId}:v${target.version}:${target.userId}`,
        payload: {
          type: "meeting",
          id: target.meetingId,
          version: target.version,
          userId: target.userId,
        },
        runAt,
      })
    )
      scheduled++;
  }
  for (const target of dueTargets) {
    if (target.hours === null) continue;
    const runAt = new Date(
      Math.max(now.getTime(), target.dueAt.getTime() - target.hours * 3600_000),
    );
    if (
      await scheduleJobOnce(db, {
        kind: "reminder",
        key: `reminder:due:${target.assignmentId}:${target.dueAt.toISOString()}:${target.userId}`,
        payload: { type: "due", id: target.assignmentId, userId: target.userId },
        runAt,
      })
    )
      scheduled++;
  }
  return scheduled;
}

/** Sends one reminder, unless what it is about changed since it was scheduled. */
const sendReminder: JobHandler = async (db: Db, payload) => {
  const userId = String(payload.userId);
  const [user] = await db
    .select({ name: users.name, email: users.email, locale: users.locale })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.disabledAt)));
  if (!user) return;
  const baseUrl = publicBaseUrl();
  const locale = parseLocale(user.locale);
  if (payload.type === "meeting") {
    const [meeting] = await db
      .select({
        id: meetings.id,
        version: meetings.version,
        startsAt: meetings.startsAt,
        cancelledAt: meetings.cancelledAt,
        theme: meetings.theme,
        networkId: networks.id,
        networkName: networks.name,
      })
      .from(meetings)
      .innerJoin(networks, eq(networks.id, meetings.networkId))
      .innerJoin(
        networkMembers,
        and(
          eq(networkMembers.networkId, networks.id),
          eq(networkMembers.userId, userId),
          eq(networkMembers.status, "active"),
        ),
      )
      .where(eq(meetings.id, String(payload.id)));
    if (!meeting || meeting.cancelledAt || meeting.version !== payload.version) return;
    await sendTemplatedMail(db, user, "mail.meetingReminder", {
      name: user.name,
      network: meeting.networkName,
      theme: meeting.theme || "—",
      when: formatDateTime(meeting.startsAt, locale),
      link: `${baseUrl}/netwerken/${meeting.networkId}/bijeenkomsten/${meeting.id}`,
    });
    return;
  }
  const [assignment] = await db
    .select({
      id: assignments.id,
      title: assignments.title,
      dueAt: assignments.dueAt,
      networkId: networks.id,
      networkName: networks.name,
      submitted: sql<boolean>`exists (select 1 from ${submissions} where ${submissions.assignmentId} = ${assignments.id} and ${submissions.userId} = ${userId})`,
    })
    .from(assignments)
    .innerJoin(networks, eq(networks.id, assignments.networkId))
    .where(eq(assignments.id, String(payload.id)));
  if (!assignment || assignment.submitted) return;
  await sendTemplatedMail(db, user, "mail.dueReminder", {
    name: user.name,
    network: assignment.networkName,
    title: assignment.title,
    when: formatDateTime(assignment.dueAt, locale),
    link: `${baseUrl}/netwerken/${assignment.networkId}/leergang/opdrachten/${assignment.id}`,
  });
};

export const calendarJobHandlers: Record<string, JobHandler> = { reminder: sendReminder };
