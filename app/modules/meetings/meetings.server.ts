import { and, asc, count, eq, gt, isNull, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "#app/db/client.server.ts";
import { qualified } from "#app/db/qualified.ts";
import {
  attendance,
  meetingCases,
  meetingPreparers,
  meetingProgrammeItems,
  meetings,
  users,
} from "#app/db/schema/index.ts";
import { amsterdamToInstant, formatDateTime } from "#app/i18n/dates.ts";
import { parseLocale } from "#app/i18n/messages.ts";
import type { Actor } from "#app/platform/actor.ts";
import { authorize } from "#app/platform/errors.ts";
import { FieldError } from "#app/platform/forms.ts";
import { sendTemplatedMail } from "#app/platform/mailer.server.ts";
import {
  type AuthorizedNetwork,
  type Network,
  requireNetworkRight,
  type SignedInNetwork,
} from "../networks/network-access.server.ts";
import { isNetworkMember } from "../networks/networks.policy.ts";
import { notify } from "../notifications/notify.server.ts";
import { joinedAfter } from "./attendance.server.ts";
import { findMeeting, listActiveMemberUsers, requireViewMeetings } from "./meetings.internal.ts";
import {
  canEditProgramme,
  canPlanMeetings,
  canReadCases,
  canRecordAttendance,
} from "./meetings.policy.ts";
import type { AttendanceStatus, MeetingInput, SeriesInput } from "./meetings.schema.ts";

export type Meeting = typeof meetings.$inferSelect;

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

export async function listMeetings(db: DbOrTx, net: AuthorizedNetwork) {
  requireViewMeetings(net);
  const { network, access, actor, id: networkId } = net;
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
      caseCount: sql<number>`(select count(*)::int from ${meetingCases} where ${qualified(meetingCases.meetingId)} = ${qualified(meetings.id)})`,
      myAttendance: actor
        ? sql<AttendanceStatus | null>`(select ${qualified(attendance.status)} from ${attendance} where ${qualified(attendance.meetingId)} = ${qualified(meetings.id)} and ${qualified(attendance.userId)} = ${actor.userId})`
        : sql<null>`null`,
    })
    .from(meetings)
    .where(eq(meetings.networkId, networkId))
    .orderBy(asc(meetings.startsAt));
  return { network, access, meetings: rows, canPlan: canPlanMeetings(actor, access) };
}

export async function getMeeting(db: DbOrTx, net: AuthorizedNetwork, meetingId: string) {
  requireViewMeetings(net);
  const { network, access, actor, id: networkId } = net;
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

export async function adjacentMeeting(
  db: DbOrTx,
  meeting: Meeting,
  direction: "previous" | "next",
) {
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
export function requireCanPlanMeetings(net: AuthorizedNetwork) {
  requireNetworkRight(net, canPlanMeetings);
}

/**
 * Authorise before validating on a meeting's own pages: the meeting is one of this network's that
 * the person may see (others get the 404), and they hold the right its command checks again.
 */
export async function assertMeetingRight(
  db: DbOrTx,
  net: AuthorizedNetwork,
  meetingId: string,
  right: "view" | "plan" | "programme" | "cases" | "attendance",
) {
  requireViewMeetings(net);
  const { access, actor } = net;
  await findMeeting(db, net.id, meetingId);
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

export async function createMeeting(db: Db, net: SignedInNetwork, input: MeetingInput) {
  const { network, access, actor, id: networkId } = net;
  authorize(canPlanMeetings(actor, access));
  return db.transaction(async (tx) => {
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
export async function createSeries(db: Db, net: SignedInNetwork, input: SeriesInput) {
  const { network, access, actor, id: networkId } = net;
  authorize(canPlanMeetings(actor, access));
  return db.transaction(async (tx) => {
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

type MeetingMail = "mail.meetingMoved" | "mail.meetingPlaceChanged" | "mail.meetingCancelled";

/** Every active member but the one who changed it hears of it, in the app, by mail or both. */
async function notifyMembers(
  db: DbOrTx,
  actor: Actor,
  network: Network,
  meeting: Meeting,
  key: MeetingMail,
  link: string,
  previousStart?: Date,
) {
  const path = new URL(link).pathname;
  for (const member of await listActiveMemberUsers(db, network.id)) {
    if (member.userId === actor.userId) continue;
    await notify(
      db,
      {
        userId: member.userId,
        kind: key === "mail.meetingCancelled" ? "meeting-cancelled" : "meeting-changed",
        actorId: actor.userId,
        networkId: network.id,
        subject: network.name,
        link: path,
      },
      () =>
        sendTemplatedMail(db, member, key, {
          name: member.name,
          network: network.name,
          when: whenText(meeting, member.locale),
          before: previousStart ? whenText({ startsAt: previousStart }, member.locale) : "",
          mode: meeting.mode,
          address: meeting.address,
          link,
        }),
    );
  }
}

export async function updateMeeting(
  db: Db,
  net: SignedInNetwork,
  meetingId: string,
  input: MeetingInput,
  mail: { baseUrl: string },
) {
  const { network, access, actor, id: networkId } = net;
  authorize(canPlanMeetings(actor, access));
  await db.transaction(async (tx) => {
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
    // A new place (online instead of on location, another address) is news too; a new link is not.
    const placeChanged =
      !!updated && (updated.mode !== meeting.mode || updated.address !== meeting.address);
    if ((moved || placeChanged) && updated && !meeting.cancelledAt) {
      await notifyMembers(
        tx,
        actor,
        network,
        updated,
        moved ? "mail.meetingMoved" : "mail.meetingPlaceChanged",
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
  net: SignedInNetwork,
  meetingId: string,
  mail: { baseUrl: string },
) {
  const { network, access, actor, id: networkId } = net;
  authorize(canPlanMeetings(actor, access));
  await db.transaction(async (tx) => {
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
