import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "#app/db/client.server.ts";
import {
  certificates,
  conversationSlots,
  conversations,
  enrolmentRoutes,
  meetings,
  networkMembers,
  networkSteps,
  stepCompletions,
  users,
} from "#app/db/schema/index.ts";
import { authorize, notFound } from "#app/platform/errors.ts";
import { attendanceCounts, recordAttendance } from "../meetings/attendance.server.ts";
import type { AttendanceStatus } from "../meetings/meetings.schema.ts";
import { requireNetworkRight, type SignedInNetwork } from "../networks/network-access.server.ts";
import {
  canManageNetwork,
  isNetworkGuide,
  isNetworkMember,
  type NetworkAccess,
} from "../networks/networks.policy.ts";
import { issueCertificateForMember, withdrawForMember } from "../register/certificates.server.ts";
import { activeMember } from "./progress.internal.ts";
import { tickableStepKinds } from "./progress.schema.ts";

/** Penvoerder and facilitator hold the conversations and follow everyone's route. */
export function canGuideMembers(network: NetworkAccess) {
  return isNetworkGuide(network);
}

interface ProgressInputs {
  member: { id: string; userId: string; routeId: string | null; routeCompletedAt: Date | null };
  route: {
    id: string;
    name: string;
    stepNumbers: number[];
    minMeetings: number | null;
    requiresAllSteps: boolean;
  } | null;
  steps: { number: number; title: string; kind: string }[];
  completions: Map<number, Date>;
  present: number;
  held: number;
  planned: number;
  /** Start of the network's closing meeting, where the presentation is given (if planned). */
  closingStartsAt?: Date | null;
  now?: Date;
}

/** The rules of the route applied to one member: which steps are done and whether it is complete. */
export function evaluateProgress(inputs: ProgressInputs) {
  const { route, steps, completions, present } = inputs;
  const now = inputs.now ?? new Date();
  // The presentation is given at the closing meeting: handed in early, it counts from then on.
  const presentationDue =
    inputs.closingStartsAt && inputs.closingStartsAt > now ? inputs.closingStartsAt : null;
  const attendanceMet = !route?.minMeetings || present >= route.minMeetings;
  const routeSteps = route ? steps.filter((step) => route.stepNumbers.includes(step.number)) : [];
  const stepStates = routeSteps.map((step) => {
    const completedAt = completions.get(step.number) ?? null;
    // Enrolling is done by being a member; meeting steps by attending enough meetings.
    const waitsFor = step.kind === "presentation" ? presentationDue : null;
    const done =
      step.kind === "enrol" ||
      (completedAt !== null && !waitsFor) ||
      (step.kind === "meetings" && !!route?.minMeetings && attendanceMet);
    return { ...step, done, completedAt, waitsFor };
  });
  const stepsMet = !route?.requiresAllSteps || stepStates.every((step) => step.done);
  return {
    steps: stepStates,
    attendance: {
      present,
      held: inputs.held,
      planned: inputs.planned,
      required: route?.minMeetings ?? null,
      met: attendanceMet,
    },
    complete: !!route && attendanceMet && stepsMet,
  };
}

async function progressFor(db: DbOrTx, networkId: string, memberIds?: string[]) {
  const members = await db
    .select({
      id: networkMembers.id,
      userId: networkMembers.userId,
      name: users.name,
      role: networkMembers.role,
      routeId: networkMembers.routeId,
      routeCompletedAt: networkMembers.routeCompletedAt,
    })
    .from(networkMembers)
    .innerJoin(users, eq(users.id, networkMembers.userId))
    .where(
      and(
        eq(networkMembers.networkId, networkId),
        eq(networkMembers.status, "active"),
        memberIds ? inArray(networkMembers.id, memberIds) : undefined,
      ),
    )
    .orderBy(asc(users.name));
  const [routes, steps, completions, counts] = await Promise.all([
    db.select().from(enrolmentRoutes).where(eq(enrolmentRoutes.networkId, networkId)),
    db
      .select()
      .from(networkSteps)
      .where(eq(networkSteps.networkId, networkId))
      .orderBy(asc(networkSteps.number)),
    members.length
      ? db
          .select()
          .from(stepCompletions)
          .where(
            inArray(
              stepCompletions.memberId,
              members.map((m) => m.id),
            ),
          )
      : [],
    attendanceCounts(
      db,
      networkId,
      members.map((m) => m.userId),
    ),
  ]);
  const [closing] = await db
    .select({ startsAt: meetings.startsAt })
    .from(meetings)
    .where(
      and(
        eq(meetings.networkId, networkId),
        eq(meetings.isClosing, true),
        isNull(meetings.cancelledAt),
      ),
    )
    .orderBy(sql`${meetings.startsAt} desc`)
    .limit(1);
  return members.map((member) => {
    const route = routes.find((r) => r.id === member.routeId) ?? null;
    const mine = new Map(
      completions
        .filter((c) => c.memberId === member.id)
        .map((c) => [c.stepNumber, c.completedAt] as const),
    );
    return {
      member,
      route,
      caughtUp: counts.caughtUpBy.get(member.userId) ?? [],
      ...evaluateProgress({
        member,
        route,
        steps,
        completions: mine,
        present: counts.presentBy.get(member.userId) ?? 0,
        held: counts.held,
        planned: counts.planned,
        closingStartsAt: closing?.startsAt ?? null,
      }),
    };
  });
}

/** Stores the moment a member completes their route (and clears it when a record is corrected). */
export async function refreshCompletion(db: DbOrTx, networkId: string, memberIds?: string[]) {
  const completedNow: string[] = [];
  for (const row of await progressFor(db, networkId, memberIds)) {
    if (row.complete && !row.member.routeCompletedAt) {
      await db
        .update(networkMembers)
        .set({ routeCompletedAt: new Date() })
        .where(eq(networkMembers.id, row.member.id));
      // A route that carries re-registration points gives its certificate and points now.
      await issueCertificateForMember(db, row.member.id, null);
      completedNow.push(row.member.id);
    } else if (!row.complete && row.member.routeCompletedAt) {
      await db
        .update(networkMembers)
        .set({ routeCompletedAt: null })
        .where(eq(networkMembers.id, row.member.id));
      await withdrawForMember(db, row.member.id);
    }
  }
  return completedNow;
}

export async function recordAttendanceWithProgress(
  db: Db,
  net: SignedInNetwork,
  meetingId: string,
  records: Record<string, AttendanceStatus>,
  caughtUp: Record<string, string> = {},
) {
  const networkId = net.id;
  const userIds = await recordAttendance(db, net, meetingId, records, new Date(), caughtUp);
  const memberIds = await db
    .select({ id: networkMembers.id })
    .from(networkMembers)
    .where(
      and(
        eq(networkMembers.networkId, networkId),
        eq(networkMembers.status, "active"),
        inArray(networkMembers.userId, userIds),
      ),
    );
  await refreshCompletion(
    db,
    networkId,
    memberIds.map((m) => m.id),
  );
}

/** A member's own route: their steps only, conversations, attendance and completion. */
export async function getMyRoute(db: DbOrTx, net: SignedInNetwork) {
  const { network, access, actor, id: networkId } = net;
  authorize(isNetworkMember(access), "not-found");
  const member = await activeMember(db, networkId, { userId: actor.userId });
  if (!member) notFound();
  const [progress] = await progressFor(db, networkId, [member.id]);
  const talks = await db
    .select({
      id: conversations.id,
      stepNumber: conversations.stepNumber,
      kind: conversations.kind,
      status: conversations.status,
      startsAt: conversations.startsAt,
      endsAt: conversations.endsAt,
      onlineUrl: conversations.onlineUrl,
      sharedSummary: conversations.sharedSummary,
      facilitatorName: users.name,
    })
    .from(conversations)
    .innerJoin(users, eq(users.id, conversations.facilitatorId))
    .where(eq(conversations.memberId, member.id));
  const slots = talks.length
    ? await db
        .select()
        .from(conversationSlots)
        .where(
          inArray(
            conversationSlots.conversationId,
            talks.map((t) => t.id),
          ),
        )
        .orderBy(asc(conversationSlots.startsAt))
    : [];
  const [presentation] = await db
    .select()
    .from(stepCompletions)
    .where(
      and(
        eq(stepCompletions.memberId, member.id),
        sql`(${stepCompletions.link} <> '' or ${stepCompletions.fileId} is not null)`,
      ),
    );
  const [certificate] = await db
    .select({ id: certificates.id, code: certificates.code, points: certificates.points })
    .from(certificates)
    .where(and(eq(certificates.memberId, member.id), isNull(certificates.revokedAt)));
  return {
    network,
    member,
    certificate: certificate ?? null,
    progress: progress ?? null,
    conversations: talks.map((talk) => ({
      ...talk,
      slots: slots.filter((s) => s.conversationId === talk.id),
    })),
    presentation: presentation ?? null,
  };
}

/** Everyone's progress in one table, for the penvoerder and facilitator. */
export async function getProgressTable(db: DbOrTx, net: SignedInNetwork) {
  const { network, access, actor, id: networkId } = net;
  authorize(canGuideMembers(access) || canManageNetwork(actor, access), "not-found");
  const [rows, steps, talks] = await Promise.all([
    progressFor(db, networkId),
    db
      .select()
      .from(networkSteps)
      .where(eq(networkSteps.networkId, networkId))
      .orderBy(asc(networkSteps.number)),
    db
      .select({
        id: conversations.id,
        memberId: conversations.memberId,
        stepNumber: conversations.stepNumber,
        status: conversations.status,
        startsAt: conversations.startsAt,
      })
      .from(conversations)
      .innerJoin(networkMembers, eq(networkMembers.id, conversations.memberId))
      .where(eq(networkMembers.networkId, networkId)),
  ]);
  return {
    network,
    steps,
    rows: rows.filter((row) => row.route),
    conversations: talks,
    canGuide: canGuideMembers(access),
  };
}

/** The facilitator ticks off a step that is not done by a conversation or a presentation. */
export async function setStepDone(
  db: Db,
  net: SignedInNetwork,
  memberId: string,
  stepNumber: number,
  done: boolean,
) {
  const networkId = net.id;
  authorize(canGuideMembers(net.access));
  await db.transaction(async (tx) => {
    const member = await activeMember(tx, networkId, { memberId });
    if (!member || !Number.isInteger(stepNumber)) notFound();
    // Conversations, the presentation and enrolling are done by themselves, never by a tick.
    const [step] = await tx
      .select({ kind: networkSteps.kind })
      .from(networkSteps)
      .where(and(eq(networkSteps.networkId, networkId), eq(networkSteps.number, stepNumber)));
    if (!step || !tickableStepKinds.has(step.kind)) notFound();
    if (done) {
      await tx.insert(stepCompletions).values({ memberId, stepNumber }).onConflictDoNothing();
    } else {
      await tx
        .delete(stepCompletions)
        .where(
          and(eq(stepCompletions.memberId, memberId), eq(stepCompletions.stepNumber, stepNumber)),
        );
    }
    await refreshCompletion(tx, networkId, [memberId]);
  });
}

/** Proposing slots and ticking steps: the network's guides; run before validating. */
export function requireCanGuideMembers(net: SignedInNetwork) {
  requireNetworkRight(net, (_a, access) => canGuideMembers(access));
}
