import { and, asc, count, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "#app/db/client.server.ts";
import {
  attendance,
  meetingCases,
  meetingPreparers,
  meetingProgrammeItems,
  meetings,
  networkMembers,
  users,
} from "#app/db/schema/index.ts";
import { amsterdamToInstant, formatDateTime } from "#app/i18n/dates.ts";
import { parseLocale } from "#app/i18n/messages.ts";
import type { Actor, MaybeActor } from "#app/platform/actor.ts";
import { FieldError } from "#app/platform/forms.ts";
import { authorize, notFound } from "#app/platform/http.server.ts";
import { isUuid } from "#app/platform/ids.ts";
import { sendTemplatedMail } from "#app/platform/mailer.server.ts";
import { isNetworkMember } from "../networks/networks.policy.ts";
import {
  authorizeNetwork,
  loadNetworkAccess,
  type Network,
  requireNetworkRight,
} from "../networks/network-access.server.ts";
import {
  canEditProgramme,
  canPlanMeetings,
  canReadCases,
  canRecordAttendance,
  canViewMeetings,
} from "./meetings.policy.ts";
import type { AttendanceStatus, CaseInput, MeetingInput, SeriesInput } from "./meetings.schema.ts";

export type Meeting = typeof meetings.$inferSelect;

async function loadForMeetings(db: DbOrTx, actor: MaybeActor, networkId: string) {
  const loaded = await loadNetworkAccess(db, actor, networkId);
  authorize(canViewMeetings(actor, loaded.access), "not-found");
  return loaded;
}

async function findMeeting(db: DbOrTx, networkId: string, meetingId: string) {
  if (!isUuid(meetingId)) notFound();
  const [meeting] = await db
    .select()
    .from(meetings)
    .where(and(eq(meetings.id, meetingId), eq(meetings.networkId, networkId)));
  if (!meeting) notFound();
  return meeting;
}

/** The instants of a meeting form, checked against each other and the network's period. */
function meetingTimes(
  network: Network,
  input: { day: string; startTime: string; endDay?: string; endTime: string },
) {
  const startsAt = amsterdamToInstant(input.day, input.startTime);
  const endsAt = amsterdamToInstant(input.endDay || input.day, input.endTime);
  if (endsAt <= startsAt) throw new FieldError("endTime", "error.meeting.endBeforeStart");
  if (endsAt.getTime() - startsAt.getTime() > 48 * 3600_000)
    throw new FieldError("endDay", "error.meeting.tooLong");
  if (network.startDate && input.day < network.startDate)
    throw new FieldError("day", "error.meeting.outsidePeriod");
  if (network.endDate && (input.endDay || input.day) > network.endDate)
    throw new FieldError("day", "error.meeting.outsidePeriod");
  return { startsAt, endsAt };
}

function meetingValues(input: MeetingInput) {
  return {
    theme: input.theme,
    mode: input.mode,
    onlineUrl: input.mode === "online" ? input.onlineUrl : "",
    address: input.mode === "location" ? input.address : "",
    speakerName: input.speakerName,
    speakerInvitedBy: input.speakerInvitedBy,
    speakerBriefed: input.speakerBriefed,
    speakerNote: input.speakerNote,
    isClosing: input.isClosing,
  };
}

export async function listMeetings(db: DbOrTx, actor: MaybeActor, networkId: string) {
  const { network, access } = await loadForMeetings(db, actor, networkId);
  const rows = await db
    .select({
      id: meetings.id,
      theme: meetings.theme,
      startsAt: meetings.startsAt,
      endsAt: meetings.endsAt,
      mode: meetings.mode,
      address: meetings.address,
      speakerName: meetings.speakerName,
      isClosing: meetings.isClosing,
      cancelledAt: meetings.cancelledAt,
      caseCount: sql<number>`(select count(*)::int from ${meetingCases} where ${meetingCases.meetingId} = ${meetings.id})`,
      myAttendance: actor
        ? sql<AttendanceStatus | null>`(select ${attendance.status} from ${attendance} where ${attendance.meetingId} = ${meetings.id} and ${attendance.userId} = ${actor.userId})`
        : sql<null>`null`,
    })
    .from(meetings)
    .where(eq(meetings.networkId, networkId))
    .orderBy(asc(meetings.startsAt));
  return { network, access, meetings: rows, canPlan: canPlanMeetings(actor, access) };
}

async function listActiveMemberUsers(db: DbOrTx, networkId: string) {
  return db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      locale: users.locale,
      role: networkMembers.role,
      joinedAt: networkMembers.joinedAt,
    })
    .from(networkMembers)
    .innerJoin(users, eq(users.id, networkMembers.userId))
    .where(
      and(
        eq(networkMembers.networkId, networkId),
        eq(networkMembers.status, "active"),
        isNull(users.disabledAt),
      ),
    )
    .orderBy(asc(users.name));
}

export async function getMeeting(
  db: DbOrTx,
  actor: MaybeActor,
  networkId: string,
  meetingId: string,
) {
  const { network, access } = await loadForMeetings(db, actor, networkId);
  const meeting = await findMeeting(db, networkId, meetingId);
  const [programme, preparers, members, previous, next] = await Promise.all([
    db
      .select()
      .from(meetingProgrammeItems)
      .where(eq(meetingProgrammeItems.meetingId, meetingId))
      .orderBy(asc(meetingProgrammeItems.position)),
    db
      .select({ userId: users.id, name: users.name })
      .from(meetingPreparers)
      .innerJoin(users, eq(users.id, meetingPreparers.userId))
      .where(eq(meetingPreparers.meetingId, meetingId))
      .orderBy(asc(users.name)),
    listActiveMemberUsers(db, networkId),
    adjacentMeeting(db, meeting, "previous"),
    adjacentMeeting(db, meeting, "next"),
  ]);
  const isPreparer = !!actor && preparers.some((p) => p.userId === actor.userId);
  const cases = canReadCases(access)
    ? await db
        .select({
          id: meetingCases.id,
          title: meetingCases.title,
          description: meetingCases.description,
          question: meetingCases.question,
          authorId: meetingCases.authorId,
          authorName: users.name,
          createdAt: meetingCases.createdAt,
        })
        .from(meetingCases)
        .innerJoin(users, eq(users.id, meetingCases.authorId))
        .where(eq(meetingCases.meetingId, meetingId))
        .orderBy(asc(meetingCases.createdAt))
    : null;
  const records = await db
    .select({
      userId: attendance.userId,
      status: attendance.status,
      caughtUpReason: attendance.caughtUpReason,
    })
    .from(attendance)
    .where(eq(attendance.meetingId, meetingId));
  const mayRecord = canRecordAttendance(access);
  return {
    network,
    access,
    // The online link is for members only, not for coordinators looking in.
    meeting: isNetworkMember(access) ? meeting : { ...meeting, onlineUrl: "" },
    programme,
    preparers,
    members: members.map(({ userId, name, role, joinedAt }) => ({
      userId,
      name,
      role,
      joinedAt,
      joinedAfter: joinedAfter(meeting, joinedAt),
    })),
    started: meeting.startsAt <= new Date(),
    cases,
    previous,
    next,
    attendance: mayRecord ? records : records.filter((record) => record.userId === actor?.userId),
    can: {
      plan: canPlanMeetings(actor, access),
      editProgramme: canEditProgramme(actor, access, isPreparer),
      addCase: canReadCases(access),
      recordAttendance: mayRecord,
    },
  };
}

async function adjacentMeeting(db: DbOrTx, meeting: Meeting, direction: "previous" | "next") {
  const [row] = await db
    .select({
      id: meetings.id,
      startsAt: meetings.startsAt,
      theme: meetings.theme,
      nextTheme: meetings.nextTheme,
    })
    .from(meetings)
    .where(
      and(
        eq(meetings.networkId, meeting.networkId),
        isNull(meetings.cancelledAt),
        direction === "next"
          ? gt(meetings.startsAt, meeting.startsAt)
          : sql`${meetings.startsAt} < ${meeting.startsAt}`,
      ),
    )
    .orderBy(direction === "next" ? asc(meetings.startsAt) : sql`${meetings.startsAt} desc`)
    .limit(1);
  return row ?? null;
}

/** Creating, changing and cancelling meetings; routes run it before they validate the form. */
export async function assertCanPlanMeetings(db: DbOrTx, actor: MaybeActor, networkId: string) {
  requireNetworkRight(await authorizeNetwork(db, actor, networkId), canPlanMeetings);
}

/**
 * Authorise before validating on a meeting's own pages: the meeting is one of this network's that
 * the person may see (others get the 404), and they hold the right its command checks again.
 */
export async function assertMeetingRight(
  db: DbOrTx,
  actor: MaybeActor,
  networkId: string,
  meetingId: string,
  right: "view" | "plan" | "programme" | "cases" | "attendance",
) {
  const { access } = await loadForMeetings(db, actor, networkId);
  await findMeeting(db, networkId, meetingId);
  if (right === "plan") authorize(canPlanMeetings(actor, access));
  if (right === "cases") authorize(canReadCases(access), "not-found");
  if (right === "attendance") authorize(canRecordAttendance(access));
  if (right === "programme") {
    const [preparer] = await db
      .select({ n: count() })
      .from(meetingPreparers)
      .where(
        and(
          eq(meetingPreparers.meetingId, meetingId),
          eq(meetingPreparers.userId, actor?.userId ?? ""),
        ),
      );
    authorize(canEditProgramme(actor, access, (preparer?.n ?? 0) > 0), "not-found");
  }
}

export async function createMeeting(db: Db, actor: Actor, networkId: string, input: MeetingInput) {
  return db.transaction(async (tx) => {
    const { network, access } = await loadNetworkAccess(tx, actor, networkId);
    authorize(canPlanMeetings(actor, access));
    const times = meetingTimes(network, input);
    const [meeting] = await tx
      .insert(meetings)
      .values({ networkId, ...times, ...meetingValues(input) })
      .returning({ id: meetings.id });
    if (!meeting) throw new Error("meeting not created");
    return meeting.id;
  });
}

function addDays(day: string, days: number) {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** A year of meetings at a fixed rhythm (10 × every 4 weeks); each can be edited afterwards. */
export async function createSeries(db: Db, actor: Actor, networkId: string, input: SeriesInput) {
  return db.transaction(async (tx) => {
    const { network, access } = await loadNetworkAccess(tx, actor, networkId);
    authorize(canPlanMeetings(actor, access));
    const rows = Array.from({ length: input.count }, (_, i) => {
      const day = addDays(input.firstDay, i * 7 * input.intervalWeeks);
      const endDay = input.spansNextDay ? addDays(day, 1) : day;
      let times: { startsAt: Date; endsAt: Date };
      try {
        times = meetingTimes(network, {
          day,
          startTime: input.startTime,
          endDay,
          endTime: input.endTime,
        });
      } catch (error) {
        // Name the field of the series form, not of the single-meeting form.
        if (error instanceof FieldError && error.messageKey === "error.meeting.outsidePeriod")
          throw new FieldError("count", "error.series.outsidePeriod");
        if (error instanceof FieldError) throw new FieldError("endTime", error.messageKey);
        throw error;
      }
      return {
        networkId,
        ...times,
        mode: input.mode,
        onlineUrl: input.mode === "online" ? input.onlineUrl : "",
        address: input.mode === "location" ? input.address : "",
      };
    });
    await tx.insert(meetings).values(rows);
    return rows.length;
  });
}

function whenText(meeting: { startsAt: Date }, locale: string | null) {
  return formatDateTime(meeting.startsAt, parseLocale(locale));
}

async function notifyMembers(
  db: DbOrTx,
  actor: Actor,
  network: Network,
  meeting: Meeting,
  key: "mail.meetingMoved" | "mail.meetingCancelled",
  link: string,
  previousStart?: Date,
) {
  for (const member of await listActiveMemberUsers(db, network.id)) {
    if (member.userId === actor.userId) continue;
    await sendTemplatedMail(db, member, key, {
      name: member.name,
      network: network.name,
      when: whenText(meeting, member.locale),
      before: previousStart ? whenText({ startsAt: previousStart }, member.locale) : "",
      link,
    });
  }
}

export async function updateMeeting(
  db: Db,
  actor: Actor,
  networkId: string,
  meetingId: string,
  input: MeetingInput,
  mail: { baseUrl: string },
) {
  await db.transaction(async (tx) => {
    const { network, access } = await loadNetworkAccess(tx, actor, networkId);
    authorize(canPlanMeetings(actor, access));
    const meeting = await findMeeting(tx, networkId, meetingId);
    const times = meetingTimes(network, input);
    const moved =
      times.startsAt.getTime() !== meeting.startsAt.getTime() ||
      times.endsAt.getTime() !== meeting.endsAt.getTime();
    const [updated] = await tx
      .update(meetings)
      .set({
        ...times,
        ...meetingValues(input),
        version: moved ? meeting.version + 1 : meeting.version,
      })
      .where(eq(meetings.id, meetingId))
      .returning();
    if (moved && updated && !meeting.cancelledAt) {
      await notifyMembers(
        tx,
        actor,
        network,
        updated,
        "mail.meetingMoved",
        meetingLink(mail, networkId, meetingId),
        meeting.startsAt,
      );
    }
  });
}

function meetingLink(mail: { baseUrl: string }, networkId: string, meetingId: string) {
  return `${mail.baseUrl}/netwerken/${networkId}/bijeenkomsten/${meetingId}`;
}

export async function cancelMeeting(
  db: Db,
  actor: Actor,
  networkId: string,
  meetingId: string,
  mail: { baseUrl: string },
) {
  await db.transaction(async (tx) => {
    const { network, access } = await loadNetworkAccess(tx, actor, networkId);
    authorize(canPlanMeetings(actor, access));
    const meeting = await findMeeting(tx, networkId, meetingId);
    if (meeting.cancelledAt) return;
    const [updated] = await tx
      .update(meetings)
      .set({ cancelledAt: new Date(), version: meeting.version + 1 })
      .where(eq(meetings.id, meetingId))
      .returning();
    if (updated) {
      await notifyMembers(
        tx,
        actor,
        network,
        updated,
        "mail.meetingCancelled",
        meetingLink(mail, networkId, meetingId),
      );
    }
  });
}

export async function saveProgramme(
  db: Db,
  actor: Actor,
  networkId: string,
  meetingId: string,
  items: string[],
) {
  await db.transaction(async (tx) => {
    const { access } = await loadNetworkAccess(tx, actor, networkId);
    await findMeeting(tx, networkId, meetingId);
    const [preparer] = await tx
      .select({ n: count() })
      .from(meetingPreparers)
      .where(
        and(eq(meetingPreparers.meetingId, meetingId), eq(meetingPreparers.userId, actor.userId)),
      );
    authorize(canEditProgramme(actor, access, (preparer?.n ?? 0) > 0), "not-found");
    await tx.delete(meetingProgrammeItems).where(eq(meetingProgrammeItems.meetingId, meetingId));
    if (items.length) {
      await tx
        .insert(meetingProgrammeItems)
        .values(items.map((title, position) => ({ meetingId, title, position })));
    }
  });
}

export async function setPreparers(
  db: Db,
  actor: Actor,
  networkId: string,
  meetingId: string,
  userIds: string[],
) {
  await db.transaction(async (tx) => {
    const { access } = await loadNetworkAccess(tx, actor, networkId);
    authorize(canPlanMeetings(actor, access));
    await findMeeting(tx, networkId, meetingId);
    const members = new Set((await listActiveMemberUsers(tx, networkId)).map((m) => m.userId));
    if (userIds.some((id) => !members.has(id)))
      throw new FieldError("preparers", "error.meeting.preparers");
    if (userIds.length > 6) throw new FieldError("preparers", "error.meeting.preparers");
    await tx.delete(meetingPreparers).where(eq(meetingPreparers.meetingId, meetingId));
    if (userIds.length) {
      await tx.insert(meetingPreparers).values(userIds.map((userId) => ({ meetingId, userId })));
    }
  });
}

export async function addCase(
  db: Db,
  actor: Actor,
  networkId: string,
  meetingId: string,
  input: CaseInput,
) {
  const { access } = await loadNetworkAccess(db, actor, networkId);
  authorize(canReadCases(access), "not-found");
  const meeting = await findMeeting(db, networkId, meetingId);
  if (meeting.cancelledAt) throw new FieldError("title", "error.case.cancelled");
  await db.insert(meetingCases).values({ meetingId, authorId: actor.userId, ...input });
}

/** The author takes a case back; the planners may remove one too. */
export async function deleteCase(
  db: Db,
  actor: Actor,
  networkId: string,
  meetingId: string,
  caseId: string,
) {
  const { access } = await loadNetworkAccess(db, actor, networkId);
  authorize(canReadCases(access), "not-found");
  await findMeeting(db, networkId, meetingId);
  if (!isUuid(caseId)) notFound();
  const [found] = await db
    .select({ authorId: meetingCases.authorId })
    .from(meetingCases)
    .where(and(eq(meetingCases.id, caseId), eq(meetingCases.meetingId, meetingId)));
  if (!found) notFound();
  authorize(found.authorId === actor.userId || canPlanMeetings(actor, access));
  await db.delete(meetingCases).where(eq(meetingCases.id, caseId));
}

/** The theme the group chose at the end of a meeting becomes the next meeting's theme at once. */
export async function recordNextTheme(
  db: Db,
  actor: Actor,
  networkId: string,
  meetingId: string,
  nextTheme: string,
) {
  await db.transaction(async (tx) => {
    const { access } = await loadNetworkAccess(tx, actor, networkId);
    authorize(canPlanMeetings(actor, access));
    const meeting = await findMeeting(tx, networkId, meetingId);
    await tx.update(meetings).set({ nextTheme }).where(eq(meetings.id, meetingId));
    const next = await adjacentMeeting(tx, meeting, "next");
    if (next) await tx.update(meetings).set({ theme: nextTheme }).where(eq(meetings.id, next.id));
  });
}

/** Whether a member enrolled only after this meeting was over (so could not have been there). */
function joinedAfter(meeting: Pick<Meeting, "endsAt">, joinedAt: Date | null) {
  return !!joinedAt && joinedAt > meeting.endsAt;
}

/**
 * Records everyone's attendance at once; returns the member ids whose record changed. A meeting
 * that ended before a member enrolled takes no record for them, unless the facilitator counts it
 * as caught up ("ingehaald") and gives the reason (`caughtUp`: user id → reason).
 */
export async function recordAttendance(
  db: Db,
  actor: Actor,
  networkId: string,
  meetingId: string,
  records: Record<string, AttendanceStatus>,
  now = new Date(),
  caughtUp: Record<string, string> = {},
) {
  return db.transaction(async (tx) => {
    const { access } = await loadNetworkAccess(tx, actor, networkId);
    authorize(canRecordAttendance(access));
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
