import { and, eq, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "#app/db/client.server.ts";
import {
  conversationSlots,
  conversations,
  enrolmentRoutes,
  networkMembers,
  networkSteps,
  stepCompletions,
  users,
} from "#app/db/schema/index.ts";
import { amsterdamToInstant, formatDateTime } from "#app/i18n/dates.ts";
import { parseLocale } from "#app/i18n/messages.ts";
import { authorize, notFound } from "#app/platform/errors.ts";
import { FieldError } from "#app/platform/forms.ts";
import { isUuid } from "#app/platform/ids.ts";
import { sendTemplatedMail } from "#app/platform/mailer.server.ts";
import type { SignedInNetwork } from "../networks/network-access.server.ts";
import { notify } from "../notifications/notify.server.ts";
import { canGuideMembers, refreshCompletion } from "./completion.server.ts";
import { activeMember } from "./progress.internal.ts";
import type { ConversationNotesInput, SlotProposalInput } from "./progress.schema.ts";

const conversationKinds = ["intake", "development", "closing"] as const;

type ConversationKind = (typeof conversationKinds)[number];

const isConversationKind = (kind: string): kind is ConversationKind =>
  (conversationKinds as readonly string[]).includes(kind);

function overlaps(a: { startsAt: Date; endsAt: Date }, b: { startsAt: Date; endsAt: Date }) {
  return a.startsAt < b.endsAt && b.startsAt < a.endsAt;
}

/** The facilitator proposes one to three slots for a member's conversation step. */
export async function proposeSlots(
  db: Db,
  net: SignedInNetwork,
  input: SlotProposalInput,
  mail: { baseUrl: string },
) {
  const { network, access, actor, id: networkId } = net;
  authorize(canGuideMembers(access));
  await db.transaction(async (tx) => {
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
    await notify(
      tx,
      {
        userId: member.userId,
        kind: "conversation-proposed",
        actorId: actor.userId,
        networkId,
        subject: step.title,
        link: `/netwerken/${networkId}/mijn-route`,
      },
      () =>
        sendTemplatedMail(tx, member, "mail.slotsProposed", {
          name: member.name,
          facilitator: actor.name,
          network: network.name,
          step: step.title,
          link: `${mail.baseUrl}/netwerken/${networkId}/mijn-route`,
        }),
    );
  });
}

/** The member picks one of the offered slots; the conversation is then fixed. */
export async function confirmSlot(
  db: Db,
  net: SignedInNetwork,
  conversationId: string,
  slotId: string,
  mail: { baseUrl: string },
) {
  const { actor, id: networkId } = net;
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
export async function getConversation(db: DbOrTx, net: SignedInNetwork, conversationId: string) {
  if (!isUuid(conversationId)) notFound();
  const { network, actor, id: networkId } = net;
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
  net: SignedInNetwork,
  conversationId: string,
  input: ConversationNotesInput,
  now = new Date(),
) {
  const networkId = net.id;
  await db.transaction(async (tx) => {
    const { conversation } = await getConversation(tx, net, conversationId);
    if (conversation.facilitatorId !== net.actor.userId) notFound();
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
