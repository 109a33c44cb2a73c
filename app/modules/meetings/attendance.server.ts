import { and, asc, count, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "#app/db/client.server.ts";
import { attendance, meetings, networkMembers } from "#app/db/schema/index.ts";
import { authorize } from "#app/platform/errors.ts";
import { FieldError } from "#app/platform/forms.ts";
import type { SignedInNetwork } from "../networks/network-access.server.ts";
import { findMeeting, listActiveMemberUsers } from "./meetings.internal.ts";
import { canRecordAttendance } from "./meetings.policy.ts";
import type { AttendanceStatus } from "./meetings.schema.ts";
import type { Meeting } from "./meetings.server.ts";

/** Whether a member enrolled only after this meeting was over (so could not have been there). */
export function joinedAfter(meeting: Pick<Meeting, "endsAt">, joinedAt: Date | null) {
  return !!joinedAt && joinedAt > meeting.endsAt;
}

/**
 * Records everyone's attendance at once; returns the member ids whose record changed. A meeting
 * that ended before a member enrolled takes no record for them, unless the facilitator counts it
 * as caught up ("ingehaald") and gives the reason (`caughtUp`: user id → reason).
 */
export async function recordAttendance(
  db: Db,
  net: SignedInNetwork,
  meetingId: string,
  records: Record<string, AttendanceStatus>,
  now = new Date(),
  caughtUp: Record<string, string> = {},
) {
  const { access, actor, id: networkId } = net;
  authorize(canRecordAttendance(access));
  return db.transaction(async (tx) => {
    const meeting = await findMeeting(tx, networkId, meetingId);
    if (meeting.cancelledAt) throw new FieldError("attendance", "error.attendance.cancelled");
    if (meeting.startsAt > now) throw new FieldError("attendance", "error.attendance.future");
    const members = new Map((await listActiveMemberUsers(tx, networkId)).map((m) => [m.userId, m]));
    const entries: [string, AttendanceStatus, string | null][] = [];
    for (const [userId, status] of Object.entries(records)) {
      const member = members.get(userId);
      if (!member) continue;
      if (joinedAfter(meeting, member.joinedAt))
        throw new FieldError(`a-${userId}`, "error.attendance.beforeEnrolment");
      entries.push([userId, status, null]);
    }
    for (const [userId, given] of Object.entries(caughtUp)) {
      const member = members.get(userId);
      if (!member || !joinedAfter(meeting, member.joinedAt)) continue;
      const reason = given.trim();
      if (reason.length < 5) throw new FieldError(`reason-${userId}`, "error.attendance.reason");
      if (reason.length > 300) throw new FieldError(`reason-${userId}`, "error.tooLong500");
      entries.push([userId, "present", reason]);
    }
    for (const [userId, status, caughtUpReason] of entries) {
      await tx
        .insert(attendance)
        .values({ meetingId, userId, status, caughtUpReason, recordedBy: actor.userId })
        .onConflictDoUpdate({
          target: [attendance.meetingId, attendance.userId],
          set: { status, caughtUpReason, recordedBy: actor.userId, recordedAt: now },
        });
    }
    return entries.map(([userId]) => userId);
  });
}

/** Meetings held so far and how many of them each member attended (present). */
export async function attendanceCounts(
  db: DbOrTx,
  networkId: string,
  userIds: string[],
  now = new Date(),
) {
  const [held] = await db
    .select({ n: count() })
    .from(meetings)
    .where(
      and(
        eq(meetings.networkId, networkId),
        isNull(meetings.cancelledAt),
        sql`${meetings.startsAt} <= ${now}`,
      ),
    );
  const present = userIds.length
    ? await db
        .select({ userId: attendance.userId, n: count() })
        .from(attendance)
        .innerJoin(meetings, eq(meetings.id, attendance.meetingId))
        .innerJoin(
          networkMembers,
          and(
            eq(networkMembers.networkId, meetings.networkId),
            eq(networkMembers.userId, attendance.userId),
            eq(networkMembers.status, "active"),
          ),
        )
        .where(
          and(
            eq(meetings.networkId, networkId),
            isNull(meetings.cancelledAt),
            eq(attendance.status, "present"),
            inArray(attendance.userId, userIds),
            // A meeting over before the enrolment counts only when caught up.
            sql`(${attendance.caughtUpReason} is not null or ${networkMembers.joinedAt} is null or ${networkMembers.joinedAt} <= ${meetings.endsAt})`,
          ),
        )
        .groupBy(attendance.userId)
    : [];
  const [planned] = await db
    .select({ n: count() })
    .from(meetings)
    .where(and(eq(meetings.networkId, networkId), isNull(meetings.cancelledAt)));
  const caughtUp = userIds.length
    ? await db
        .select({
          userId: attendance.userId,
          startsAt: meetings.startsAt,
          reason: attendance.caughtUpReason,
        })
        .from(attendance)
        .innerJoin(meetings, eq(meetings.id, attendance.meetingId))
        .where(
          and(
            eq(meetings.networkId, networkId),
            isNull(meetings.cancelledAt),
            sql`${attendance.caughtUpReason} is not null`,
            inArray(attendance.userId, userIds),
          ),
        )
        .orderBy(asc(meetings.startsAt))
    : [];
  const caughtUpBy = new Map<string, { startsAt: Date; reason: string }[]>();
  for (const row of caughtUp)
    caughtUpBy.set(row.userId, [
      ...(caughtUpBy.get(row.userId) ?? []),
      { startsAt: row.startsAt, reason: row.reason ?? "" },
    ]);
  return {
    held: held?.n ?? 0,
    planned: planned?.n ?? 0,
    presentBy: new Map(present.map((row) => [row.userId, row.n])),
    caughtUpBy,
  };
}
