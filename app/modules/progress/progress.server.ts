import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "#app/db/client.server.ts";
import {
  certificates,
  conversationSlots,
  conversations,
  enrolmentRoutes,
  learningQuestionRevisions,
  learningQuestions,
  meetings,
  networkMembers,
  networkSteps,
  professionalThemes,
  stepCompletions,
  storedFiles,
  users,
} from "#app/db/schema/index.ts";
import { amsterdamToInstant, formatDateTime } from "#app/i18n/dates.ts";
import { parseLocale } from "#app/i18n/messages.ts";
import type { Actor } from "#app/platform/actor.ts";
import { storeUpload } from "#app/platform/files.server.ts";
import { FieldError } from "#app/platform/forms.ts";
import { authorize, notFound } from "#app/platform/http.server.ts";
import { isUuid } from "#app/platform/ids.ts";
import { sendTemplatedMail } from "#app/platform/mailer.server.ts";
import type { AttendanceStatus } from "../meetings/meetings.schema.ts";
import { attendanceCounts, recordAttendance } from "../meetings/meetings.server.ts";
import { assertNetworkRight } from "../networks/network-guards.server.ts";
import {
  canManageNetwork,
  isNetworkGuide,
  isNetworkMember,
  type NetworkAccess,
} from "../networks/networks.policy.ts";
import { loadNetworkAccess } from "../networks/networks.server.ts";
import { issueCertificateForMember, withdrawForMember } from "../register/register.server.ts";
import {
  type ConversationNotesInput,
  type LearningQuestionInput,
  type SlotProposalInput,
  tickableStepKinds,
} from "./progress.schema.ts";

const conversationKinds = ["intake", "development", "closing"] as const;
type ConversationKind = (typeof conversationKinds)[number];
const isConversationKind = (kind: string): kind is ConversationKind =>
  (conversationKinds as readonly string[]).includes(kind);

/** Penvoerder and facilitator hold the conversations and follow everyone's route. */
export function canGuideMembers(network: NetworkAccess) {
  return isNetworkGuide(network);
}

async function activeMember(
  db: DbOrTx,
  networkId: string,
  where: { userId?: string; memberId?: string },
) {
  // An empty member id (a form without its field) is an unknown member too, not a userId lookup.
  if (where.memberId !== undefined && !isUuid(where.memberId)) notFound();
  const [member] = await db
    .select({
      id: networkMembers.id,
      userId: networkMembers.userId,
      name: users.name,
      email: users.email,
      locale: users.locale,
      routeId: networkMembers.routeId,
      joinedAt: networkMembers.joinedAt,
      routeCompletedAt: networkMembers.routeCompletedAt,
    })
    .from(networkMembers)
    .innerJoin(users, eq(users.id, networkMembers.userId))
    .where(
      and(
        eq(networkMembers.networkId, networkId),
        eq(networkMembers.status, "active"),
        where.memberId !== undefined
          ? eq(networkMembers.id, where.memberId)
          : eq(networkMembers.userId, where.userId ?? ""),
      ),
    );
  return member ?? null;
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
  actor: Actor,
  networkId: string,
  meetingId: string,
  records: Record<string, AttendanceStatus>,
  caughtUp: Record<string, string> = {},
) {
  const userIds = await recordAttendance(
    db,
    actor,
    networkId,
    meetingId,
    records,
    new Date(),
    caughtUp,
  );
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
export async function getMyRoute(db: DbOrTx, actor: Actor, networkId: string) {
  const { network, access } = await loadNetworkAccess(db, actor, networkId);
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
export async function getProgressTable(db: DbOrTx, actor: Actor, networkId: string) {
  const { network, access } = await loadNetworkAccess(db, actor, networkId);
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
  actor: Actor,
  networkId: string,
  memberId: string,
  stepNumber: number,
  done: boolean,
) {
  await db.transaction(async (tx) => {
    const { access } = await loadNetworkAccess(tx, actor, networkId);
    authorize(canGuideMembers(access));
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

/** The member hands in (a link to, or the file of) the presentation of their learning process. */
/**
 * The file is stored here, once the member and the step are known and in the same transaction:
 * a refused or failing submission leaves no file behind; a file that is replaced is removed.
 */
export async function submitPresentation(
  db: Db,
  actor: Actor,
  networkId: string,
  input: { link: string; note: string },
  file: File | null = null,
) {
  await db.transaction(async (tx) => {
    const member = await activeMember(tx, networkId, { userId: actor.userId });
    if (!member) notFound();
    const [step] = await tx
      .select({ number: networkSteps.number })
      .from(networkSteps)
      .innerJoin(enrolmentRoutes, eq(enrolmentRoutes.networkId, networkSteps.networkId))
      .where(
        and(
          eq(networkSteps.networkId, networkId),
          eq(networkSteps.kind, "presentation"),
          eq(enrolmentRoutes.id, member.routeId ?? sql`null`),
          sql`${networkSteps.number} = any(${enrolmentRoutes.stepNumbers})`,
        ),
      );
    if (!step) notFound();
    if (!input.link && !file) throw new FieldError("link", "error.presentation.empty");
    const stored = file ? await storeUpload(tx, "file", file, actor.userId) : null;
    const [previous] = await tx
      .select({ fileId: stepCompletions.fileId })
      .from(stepCompletions)
      .where(
        and(eq(stepCompletions.memberId, member.id), eq(stepCompletions.stepNumber, step.number)),
      );
    const fileId = stored?.id ?? null;
    await tx
      .insert(stepCompletions)
      .values({ memberId: member.id, stepNumber: step.number, ...input, fileId })
      .onConflictDoUpdate({
        target: [stepCompletions.memberId, stepCompletions.stepNumber],
        set: { link: input.link, note: input.note, fileId, completedAt: new Date() },
      });
    if (previous?.fileId && previous.fileId !== fileId)
      await tx.delete(storedFiles).where(eq(storedFiles.id, previous.fileId));
    await refreshCompletion(tx, networkId, [member.id]);
  });
}

/** Whether the actor may download the presentation file: its owner and the guides of its network. */
export async function presentationFileAccess(
  db: DbOrTx,
  actor: Actor,
  networkId: string,
  fileId: string,
) {
  if (!isUuid(fileId)) notFound();
  const { access } = await loadNetworkAccess(db, actor, networkId);
  const [row] = await db
    .select({ userId: networkMembers.userId })
    .from(stepCompletions)
    .innerJoin(networkMembers, eq(networkMembers.id, stepCompletions.memberId))
    .where(and(eq(stepCompletions.fileId, fileId), eq(networkMembers.networkId, networkId)));
  if (!row || !(row.userId === actor.userId || canGuideMembers(access))) notFound();
}

function overlaps(a: { startsAt: Date; endsAt: Date }, b: { startsAt: Date; endsAt: Date }) {
  return a.startsAt < b.endsAt && b.startsAt < a.endsAt;
}

/** Proposing slots and ticking steps: the network's guides; run before validating. */
export function assertCanGuideMembers(db: DbOrTx, actor: Actor, networkId: string) {
  return assertNetworkRight(db, actor, networkId, (_a, access) => canGuideMembers(access));
}

/** The facilitator proposes one to three slots for a member's conversation step. */
export async function proposeSlots(
  db: Db,
  actor: Actor,
  networkId: string,
  input: SlotProposalInput,
  mail: { baseUrl: string },
) {
  await db.transaction(async (tx) => {
    const { network, access } = await loadNetworkAccess(tx, actor, networkId);
    authorize(canGuideMembers(access));
    const member = await activeMember(tx, networkId, { memberId: input.memberId });
    if (!member) throw new FieldError("memberId", "error.conversation.member");
    const [step] = await tx
      .select()
      .from(networkSteps)
      .where(and(eq(networkSteps.networkId, networkId), eq(networkSteps.number, input.stepNumber)));
    const [route] = member.routeId
      ? await tx.select().from(enrolmentRoutes).where(eq(enrolmentRoutes.id, member.routeId))
      : [];
    if (!step || !isConversationKind(step.kind) || !route?.stepNumbers.includes(step.number))
      throw new FieldError("stepNumber", "error.conversation.step");
    const slots = ([1, 2, 3] as const)
      .map((n) => ({ n, day: input[`slot${n}Day`], time: input[`slot${n}Time`] }))
      .filter((slot) => slot.day && slot.time)
      .map((slot) => {
        const startsAt = amsterdamToInstant(slot.day, slot.time);
        return {
          n: slot.n,
          startsAt,
          endsAt: new Date(startsAt.getTime() + input.minutes * 60_000),
        };
      });
    for (const [i, slot] of slots.entries()) {
      if (slot.startsAt < new Date())
        throw new FieldError(`slot${slot.n}Day`, "error.conversation.past");
      if (slots.slice(0, i).some((other) => overlaps(slot, other)))
        throw new FieldError(`slot${slot.n}Time`, "error.conversation.overlap");
    }
    // The facilitator's other conversations: confirmed times and slots still on offer.
    const busy = await tx
      .select({ startsAt: conversationSlots.startsAt, endsAt: conversationSlots.endsAt })
      .from(conversationSlots)
      .innerJoin(conversations, eq(conversations.id, conversationSlots.conversationId))
      .where(
        and(
          eq(conversations.facilitatorId, actor.userId),
          eq(conversations.status, "proposed"),
          // the proposal being replaced does not count against itself
          sql`not (${conversations.memberId} = ${member.id} and ${conversations.stepNumber} = ${step.number})`,
        ),
      );
    const confirmed = await tx
      .select({ startsAt: conversations.startsAt, endsAt: conversations.endsAt })
      .from(conversations)
      .where(
        and(eq(conversations.facilitatorId, actor.userId), eq(conversations.status, "confirmed")),
      );
    const taken = [
      ...busy,
      ...confirmed.filter((c): c is { startsAt: Date; endsAt: Date } => !!c.startsAt && !!c.endsAt),
    ];
    for (const slot of slots) {
      if (taken.some((other) => overlaps(slot, other)))
        throw new FieldError(`slot${slot.n}Time`, "error.conversation.overlap");
    }
    const [existing] = await tx
      .select()
      .from(conversations)
      .where(and(eq(conversations.memberId, member.id), eq(conversations.stepNumber, step.number)));
    if (existing && existing.status !== "proposed")
      throw new FieldError("stepNumber", "error.conversation.alreadyPlanned");
    let conversationId = existing?.id;
    if (existing) {
      await tx
        .update(conversations)
        .set({ onlineUrl: input.onlineUrl, facilitatorId: actor.userId })
        .where(eq(conversations.id, existing.id));
      await tx.delete(conversationSlots).where(eq(conversationSlots.conversationId, existing.id));
    } else {
      const [created] = await tx
        .insert(conversations)
        .values({
          memberId: member.id,
          facilitatorId: actor.userId,
          stepNumber: step.number,
          kind: step.kind,
          status: "proposed",
          onlineUrl: input.onlineUrl,
        })
        .returning({ id: conversations.id });
      conversationId = created?.id;
    }
    if (!conversationId) throw new Error("conversation not stored");
    await tx.insert(conversationSlots).values(
      slots.map((slot) => ({
        conversationId: conversationId as string,
        startsAt: slot.startsAt,
        endsAt: slot.endsAt,
      })),
    );
    await sendTemplatedMail(tx, member, "mail.slotsProposed", {
      name: member.name,
      facilitator: actor.name,
      network: network.name,
      step: step.title,
      link: `${mail.baseUrl}/netwerken/${networkId}/mijn-route`,
    });
  });
}

/** The member picks one of the offered slots; the conversation is then fixed. */
export async function confirmSlot(
  db: Db,
  actor: Actor,
  networkId: string,
  conversationId: string,
  slotId: string,
  mail: { baseUrl: string },
) {
  await db.transaction(async (tx) => {
    if (!isUuid(conversationId) || !isUuid(slotId)) notFound();
    const member = await activeMember(tx, networkId, { userId: actor.userId });
    if (!member) notFound();
    const [talk] = await tx
      .select()
      .from(conversations)
      .where(and(eq(conversations.id, conversationId), eq(conversations.memberId, member.id)))
      .for("update");
    if (!talk) notFound();
    if (talk.status !== "proposed")
      throw new FieldError("slotId", "error.conversation.alreadyPlanned");
    const [slot] = await tx
      .select()
      .from(conversationSlots)
      .where(
        and(eq(conversationSlots.id, slotId), eq(conversationSlots.conversationId, conversationId)),
      );
    if (!slot) throw new FieldError("slotId", "error.conversation.slot");
    await tx
      .update(conversations)
      .set({ status: "confirmed", startsAt: slot.startsAt, endsAt: slot.endsAt })
      .where(eq(conversations.id, conversationId));
    await tx.delete(conversationSlots).where(eq(conversationSlots.conversationId, conversationId));
    const [facilitator] = await tx
      .select({ name: users.name, email: users.email, locale: users.locale })
      .from(users)
      .where(eq(users.id, talk.facilitatorId));
    if (facilitator) {
      await sendTemplatedMail(tx, facilitator, "mail.slotConfirmed", {
        name: facilitator.name,
        member: member.name,
        when: formatDateTime(slot.startsAt, parseLocale(facilitator.locale)),
        link: `${mail.baseUrl}/netwerken/${networkId}/gesprekken/${conversationId}`,
      });
    }
  });
}

/** A conversation as its two parties see it; the private note only for the facilitator. */
export async function getConversation(
  db: DbOrTx,
  actor: Actor,
  networkId: string,
  conversationId: string,
) {
  if (!isUuid(conversationId)) notFound();
  const { network } = await loadNetworkAccess(db, actor, networkId);
  const [talk] = await db
    .select({
      id: conversations.id,
      memberId: conversations.memberId,
      memberUserId: networkMembers.userId,
      memberName: users.name,
      facilitatorId: conversations.facilitatorId,
      stepNumber: conversations.stepNumber,
      kind: conversations.kind,
      status: conversations.status,
      startsAt: conversations.startsAt,
      endsAt: conversations.endsAt,
      onlineUrl: conversations.onlineUrl,
      privateNote: conversations.privateNote,
      sharedSummary: conversations.sharedSummary,
    })
    .from(conversations)
    .innerJoin(networkMembers, eq(networkMembers.id, conversations.memberId))
    .innerJoin(users, eq(users.id, networkMembers.userId))
    .where(and(eq(conversations.id, conversationId), eq(networkMembers.networkId, networkId)));
  if (!talk) notFound();
  const isFacilitator = talk.facilitatorId === actor.userId;
  if (!isFacilitator && talk.memberUserId !== actor.userId) notFound();
  return {
    network,
    conversation: { ...talk, privateNote: isFacilitator ? talk.privateNote : null },
    isFacilitator,
  };
}

export async function saveConversationNotes(
  db: Db,
  actor: Actor,
  networkId: string,
  conversationId: string,
  input: ConversationNotesInput,
  now = new Date(),
) {
  await db.transaction(async (tx) => {
    const { conversation } = await getConversation(tx, actor, networkId, conversationId);
    if (conversation.facilitatorId !== actor.userId) notFound();
    if (input.held && conversation.status === "proposed")
      throw new FieldError("held", "error.conversation.notConfirmed");
    // A conversation is held once it has begun, not when it is planned.
    if (
      input.held &&
      conversation.status !== "held" &&
      conversation.startsAt &&
      conversation.startsAt > now
    )
      throw new FieldError("held", "error.conversation.notYetHeld");
    await tx
      .update(conversations)
      .set({
        privateNote: input.privateNote,
        sharedSummary: input.sharedSummary,
        ...(input.held ? { status: "held" as const } : {}),
      })
      .where(eq(conversations.id, conversationId));
    if (input.held) {
      await tx
        .insert(stepCompletions)
        .values({ memberId: conversation.memberId, stepNumber: conversation.stepNumber })
        .onConflictDoNothing();
      await refreshCompletion(tx, networkId, [conversation.memberId]);
    }
  });
}

export async function listProfessionalThemes(db: DbOrTx) {
  return db
    .select()
    .from(professionalThemes)
    .orderBy(asc(professionalThemes.position), asc(professionalThemes.name));
}

/** Platform admins keep the list of professionaliseringsthema's (the register's wording changes). */
export async function addProfessionalTheme(db: DbOrTx, actor: Actor, name: string) {
  authorize(actor.isPlatformAdmin);
  const existing = await listProfessionalThemes(db);
  if (existing.some((t) => t.name.toLowerCase() === name.toLowerCase()))
    throw new FieldError("name", "error.professionalTheme.exists");
  await db.insert(professionalThemes).values({ name, position: existing.length });
}

/** Removing a theme from the list keeps it on learning questions that already carry it. */
export async function removeProfessionalTheme(db: DbOrTx, actor: Actor, id: string) {
  authorize(actor.isPlatformAdmin);
  if (!isUuid(id)) notFound();
  await db.delete(professionalThemes).where(eq(professionalThemes.id, id));
}

export async function getMyLearningQuestion(db: DbOrTx, actor: Actor, networkId: string) {
  const { network, access } = await loadNetworkAccess(db, actor, networkId);
  authorize(isNetworkMember(access), "not-found");
  const [question] = await db
    .select()
    .from(learningQuestions)
    .where(
      and(eq(learningQuestions.networkId, networkId), eq(learningQuestions.userId, actor.userId)),
    );
  const [revisions, themes, networkMeetings] = await Promise.all([
    question
      ? db
          .select()
          .from(learningQuestionRevisions)
          .where(eq(learningQuestionRevisions.questionId, question.id))
          .orderBy(sql`${learningQuestionRevisions.createdAt} desc`)
      : [],
    listProfessionalThemes(db),
    db
      .select({ id: meetings.id, startsAt: meetings.startsAt, theme: meetings.theme })
      .from(meetings)
      .where(and(eq(meetings.networkId, networkId), sql`${meetings.cancelledAt} is null`))
      .orderBy(asc(meetings.startsAt)),
  ]);
  return {
    network,
    question: question ?? null,
    revisions,
    professionalThemes: themes.map((t) => t.name),
    meetings: networkMeetings,
    canSeeAll: canGuideMembers(access),
  };
}

export async function saveLearningQuestion(
  db: Db,
  actor: Actor,
  networkId: string,
  input: LearningQuestionInput,
) {
  await db.transaction(async (tx) => {
    const { network, access } = await loadNetworkAccess(tx, actor, networkId);
    authorize(isNetworkMember(access), "not-found");
    const known = new Set((await listProfessionalThemes(tx)).map((t) => t.name));
    if (input.professionalThemes.some((t) => !known.has(t)))
      throw new FieldError("professionalThemes", "error.learningQuestion.themes");
    if (input.themes.some((t) => !network.themes.includes(t)))
      throw new FieldError("themes", "error.learningQuestion.themes");
    const meetingIds = input.meetingIds.length
      ? (
          await tx
            .select({ id: meetings.id })
            .from(meetings)
            .where(and(eq(meetings.networkId, networkId), inArray(meetings.id, input.meetingIds)))
        ).map((m) => m.id)
      : [];
    const [existing] = await tx
      .select()
      .from(learningQuestions)
      .where(
        and(eq(learningQuestions.networkId, networkId), eq(learningQuestions.userId, actor.userId)),
      );
    const values = {
      text: input.text,
      themes: input.themes,
      professionalThemes: input.professionalThemes,
      meetingIds,
      updatedAt: new Date(),
    };
    if (!existing) {
      const [created] = await tx
        .insert(learningQuestions)
        .values({ networkId, userId: actor.userId, ...values })
        .returning({ id: learningQuestions.id });
      if (created)
        await tx
          .insert(learningQuestionRevisions)
          .values({ questionId: created.id, text: input.text });
      return;
    }
    await tx.update(learningQuestions).set(values).where(eq(learningQuestions.id, existing.id));
    if (existing.text !== input.text)
      await tx
        .insert(learningQuestionRevisions)
        .values({ questionId: existing.id, text: input.text });
  });
}

/** All learning questions of the network side by side, for the penvoerder and facilitator. */
export async function listLearningQuestions(db: DbOrTx, actor: Actor, networkId: string) {
  const { network, access } = await loadNetworkAccess(db, actor, networkId);
  authorize(canGuideMembers(access), "not-found");
  const rows = await db
    .select({
      id: learningQuestions.id,
      name: users.name,
      text: learningQuestions.text,
      themes: learningQuestions.themes,
      professionalThemes: learningQuestions.professionalThemes,
      meetingCount: sql<number>`coalesce(array_length(${learningQuestions.meetingIds}, 1), 0)`,
      updatedAt: learningQuestions.updatedAt,
      revisions: sql<number>`(select count(*)::int from ${learningQuestionRevisions} where ${learningQuestionRevisions.questionId} = ${learningQuestions.id})`,
    })
    .from(learningQuestions)
    .innerJoin(users, eq(users.id, learningQuestions.userId))
    .innerJoin(
      networkMembers,
      and(
        eq(networkMembers.userId, learningQuestions.userId),
        eq(networkMembers.networkId, networkId),
        eq(networkMembers.status, "active"),
      ),
    )
    .where(eq(learningQuestions.networkId, networkId))
    .orderBy(asc(users.name));
  return { network, questions: rows };
}
