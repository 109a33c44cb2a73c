import { and, count, eq } from "drizzle-orm";
import type { Db } from "#app/db/client.server.ts";
import {
  meetingCases,
  meetingPreparers,
  meetingProgrammeItems,
  meetings,
} from "#app/db/schema/index.ts";
import { authorize, notFound } from "#app/platform/errors.ts";
import { FieldError } from "#app/platform/forms.ts";
import { isUuid } from "#app/platform/ids.ts";
import type { SignedInNetwork } from "../networks/network-access.server.ts";
import { findMeeting, listActiveMemberUsers } from "./meetings.internal.ts";
import { canEditProgramme, canPlanMeetings, canReadCases } from "./meetings.policy.ts";
import type { CaseInput } from "./meetings.schema.ts";
import { adjacentMeeting } from "./meetings.server.ts";

export async function saveProgramme(
  db: Db,
  net: SignedInNetwork,
  meetingId: string,
  items: string[],
) {
  const { access, actor, id: networkId } = net;
  await db.transaction(async (tx) => {
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
  net: SignedInNetwork,
  meetingId: string,
  userIds: string[],
) {
  const { access, actor, id: networkId } = net;
  authorize(canPlanMeetings(actor, access));
  await db.transaction(async (tx) => {
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

export async function addCase(db: Db, net: SignedInNetwork, meetingId: string, input: CaseInput) {
  const { access, actor, id: networkId } = net;
  authorize(canReadCases(access), "not-found");
  const meeting = await findMeeting(db, networkId, meetingId);
  if (meeting.cancelledAt) throw new FieldError("title", "error.case.cancelled");
  await db.insert(meetingCases).values({ meetingId, authorId: actor.userId, ...input });
}

/** The author takes a case back; the planners may remove one too. */
export async function deleteCase(db: Db, net: SignedInNetwork, meetingId: string, caseId: string) {
  const { access, actor, id: networkId } = net;
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
  net: SignedInNetwork,
  meetingId: string,
  nextTheme: string,
) {
  const { access, actor, id: networkId } = net;
  authorize(canPlanMeetings(actor, access));
  await db.transaction(async (tx) => {
    const meeting = await findMeeting(tx, networkId, meetingId);
    await tx.update(meetings).set({ nextTheme }).where(eq(meetings.id, meetingId));
    const next = await adjacentMeeting(tx, meeting, "next");
    if (next) await tx.update(meetings).set({ theme: nextTheme }).where(eq(meetings.id, next.id));
  });
}
