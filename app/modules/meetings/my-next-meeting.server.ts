import { and, asc, eq, gt, inArray, isNull } from "drizzle-orm";
import type { DbOrTx } from "#app/db/client.server.ts";
import {
  meetingCases,
  meetingPreparers,
  meetingProgrammeItems,
  meetings,
  networkMembers,
  networks,
  users,
} from "#app/db/schema/index.ts";

/**
 * The start page's next meeting: the soonest one not yet over, of the networks the person is an
 * active member of (a network they left shows nothing), with what to prepare and their part in it.
 * A cancelled meeting is skipped: the one after it is the next time they meet.
 */
export async function myNextMeeting(db: DbOrTx, userId: string, now = new Date()) {
  const memberOf = db
    .select({ networkId: networkMembers.networkId })
    .from(networkMembers)
    .where(and(eq(networkMembers.userId, userId), eq(networkMembers.status, "active")));
  const [meeting] = await db
    .select({
      id: meetings.id,
      networkId: meetings.networkId,
      networkName: networks.name,
      theme: meetings.theme,
      startsAt: meetings.startsAt,
      endsAt: meetings.endsAt,
      mode: meetings.mode,
      onlineUrl: meetings.onlineUrl,
      address: meetings.address,
      speakerName: meetings.speakerName,
      isClosing: meetings.isClosing,
    })
    .from(meetings)
    .innerJoin(networks, eq(networks.id, meetings.networkId))
    .where(
      and(
        inArray(meetings.networkId, memberOf),
        gt(meetings.endsAt, now),
        isNull(meetings.cancelledAt),
      ),
    )
    .orderBy(asc(meetings.startsAt), asc(meetings.id))
    .limit(1);
  if (!meeting) return null;
  const [programme, preparers, cases, [me]] = await Promise.all([
    db
      .select({ title: meetingProgrammeItems.title, minutes: meetingProgrammeItems.minutes })
      .from(meetingProgrammeItems)
      .where(eq(meetingProgrammeItems.meetingId, meeting.id))
      .orderBy(asc(meetingProgrammeItems.position)),
    db
      .select({ userId: meetingPreparers.userId })
      .from(meetingPreparers)
      .where(eq(meetingPreparers.meetingId, meeting.id)),
    // Cases are member content; the person is an active member of this meeting's network.
    db
      .select({
        id: meetingCases.id,
        title: meetingCases.title,
        authorId: meetingCases.authorId,
        authorName: users.name,
      })
      .from(meetingCases)
      .innerJoin(users, eq(users.id, meetingCases.authorId))
      .where(eq(meetingCases.meetingId, meeting.id))
      .orderBy(asc(meetingCases.createdAt)),
    db.select({ name: users.name }).from(users).where(eq(users.id, userId)),
  ]);
  // The speaker is a name typed by the planner, not an account: a match on the person's own name.
  const speakerName = meeting.speakerName.trim().toLocaleLowerCase("nl");
  return {
    ...meeting,
    place: meeting.mode === "online" ? "" : meeting.address,
    onlineUrl: meeting.mode === "online" ? meeting.onlineUrl : "",
    programme,
    cases: cases.map(({ id, title, authorId, authorName }) => ({
      id,
      title,
      authorName,
      mine: authorId === userId,
    })),
    roles: {
      preparer: preparers.some((p) => p.userId === userId),
      caseOwner: cases.some((c) => c.authorId === userId),
      speaker: !!speakerName && speakerName === me?.name.trim().toLocaleLowerCase("nl"),
    },
  };
}
