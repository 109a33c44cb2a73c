import { and, asc, desc, gt, inArray, isNull, lte, sql } from "drizzle-orm";
import type { DbOrTx } from "#app/db/client.server.ts";
import { attendance, meetings } from "#app/db/schema/index.ts";

/**
 * The last meeting each network held (not cancelled, started by `now`) with how many were there
 * and how many records were taken at all (none yet: the facilitator still has to record it).
 * One read for all networks; the caller has decided the person may see them.
 */
export async function lastHeldMeetings(db: DbOrTx, networkIds: string[], now = new Date()) {
  if (!networkIds.length) return new Map<string, LastHeldMeeting>();
  const last = db
    .selectDistinctOn([meetings.networkId], {
      id: meetings.id,
      networkId: meetings.networkId,
      startsAt: meetings.startsAt,
      theme: meetings.theme,
    })
    .from(meetings)
    .where(
      and(
        inArray(meetings.networkId, networkIds),
        isNull(meetings.cancelledAt),
        lte(meetings.startsAt, now),
      ),
    )
    .orderBy(meetings.networkId, desc(meetings.startsAt))
    .as("last");
  // Counted per last meeting only (the subquery picks it first), not per meeting ever held.
  const rows = await db
    .select({
      id: last.id,
      networkId: last.networkId,
      startsAt: last.startsAt,
      theme: last.theme,
      present:
        sql<number>`(select count(*) from ${attendance} where ${attendance.meetingId} = ${last.id} and ${attendance.status} = 'present')`.mapWith(
          Number,
        ),
      recorded:
        sql<number>`(select count(*) from ${attendance} where ${attendance.meetingId} = ${last.id})`.mapWith(
          Number,
        ),
    })
    .from(last);
  return new Map(rows.map((row) => [row.networkId, row]));
}

export interface LastHeldMeeting {
  id: string;
  networkId: string;
  startsAt: Date;
  theme: string;
  present: number;
  recorded: number;
}

/** The next meeting of each network that has one planned (not cancelled, after `now`). */
export async function nextMeetings(db: DbOrTx, networkIds: string[], now = new Date()) {
  if (!networkIds.length) return new Map<string, NextMeeting>();
  const rows = await db
    .selectDistinctOn([meetings.networkId], {
      id: meetings.id,
      networkId: meetings.networkId,
      startsAt: meetings.startsAt,
      theme: meetings.theme,
      mode: meetings.mode,
    })
    .from(meetings)
    .where(
      and(
        inArray(meetings.networkId, networkIds),
        isNull(meetings.cancelledAt),
        gt(meetings.startsAt, now),
      ),
    )
    .orderBy(meetings.networkId, asc(meetings.startsAt));
  return new Map(rows.map((row) => [row.networkId, row]));
}

export interface NextMeeting {
  id: string;
  networkId: string;
  startsAt: Date;
  theme: string;
  mode: "online" | "location";
}
