import { and, eq, sql } from "drizzle-orm";
import type { Db } from "#app/db/client.server.ts";
import { enrolmentRoutes, networkMembers, users, waitingList } from "#app/db/schema/index.ts";
import type { MaybeActor } from "#app/platform/actor.ts";
import { authorize, notFound } from "#app/platform/errors.ts";
import { FieldError } from "#app/platform/forms.ts";
import { sendTemplatedMail } from "#app/platform/mailer.server.ts";
import {
  type AuthorizedNetwork,
  requireNetworkRight,
  type SignedInNetwork,
} from "../networks/network-access.server.ts";
import { canManageNetwork, canNominate, type NetworkAccess } from "../networks/networks.policy.ts";
import { countActiveMembers, lockNetwork } from "../networks/networks.server.ts";
import { priceFor } from "../networks/pricing.ts";
import { notify } from "../notifications/notify.server.ts";
import { standingOf } from "./enrolment.server.ts";
import { colleagueEnrolled, type MailContext } from "./memberships.internal.ts";

/**
 * Nominating a colleague: the members of a network that is joined by nomination (its page shows
 * them the form; elsewhere there is none, so its field errors would be shown to no one).
 */
function mayNominate(actor: MaybeActor, network: { joinMode: string }, access: NetworkAccess) {
  return network.joinMode === "nomination" && canNominate(actor, access);
}

/** Authorise before validating: who may not nominate here gets the 403, not field errors. */
export function requireCanNominate(net: AuthorizedNetwork) {
  requireNetworkRight(net, (actor, access) => mayNominate(actor, net.network, access));
}

export async function nominate(
  db: Db,
  net: SignedInNetwork,
  input: { email: string; note: string },
  mail: MailContext,
) {
  requireCanNominate(net);
  const { actor, network, id: networkId } = net;
  await db.transaction(async (tx) => {
    const [nominee] = await tx
      .select()
      .from(users)
      .where(sql`lower(${users.email}) = ${input.email}`);
    if (!nominee) throw new FieldError("email", "error.nominate.unknown");
    const standing = await standingOf(tx, networkId, nominee.id);
    if (standing?.membership) throw new FieldError("email", "error.nominate.already");
    await tx.insert(networkMembers).values({
      networkId,
      userId: nominee.id,
      role: "deelnemer",
      status: "nominated",
      nominatedBy: actor.userId,
      nominationNote: input.note,
    });
    const params = {
      name: nominee.name,
      by: actor.name,
      network: network.name,
      note: input.note || "—",
      url: `${mail.baseUrl}/netwerken/${networkId}/aanmelden`,
    };
    await sendTemplatedMail(tx, nominee, "mail.nominated", params);
  });
}

/** The penvoerder's intake decision; an accepted person still respects capacity (waiting list). */
export async function decideIntake(
  db: Db,
  net: SignedInNetwork,
  input: { memberId: string; decision: "accept" | "decline"; message: string },
  mail: MailContext,
) {
  authorize(canManageNetwork(net.actor, net.access));
  const networkId = net.id;
  return db.transaction(async (tx) => {
    const network = await lockNetwork(tx, networkId);
    const [candidate] = await tx
      .select({
        member: networkMembers,
        email: users.email,
        name: users.name,
        locale: users.locale,
      })
      .from(networkMembers)
      .innerJoin(users, eq(users.id, networkMembers.userId))
      .where(
        and(
          eq(networkMembers.id, input.memberId),
          eq(networkMembers.networkId, networkId),
          eq(networkMembers.status, "awaiting-intake"),
        ),
      );
    if (!candidate) notFound();
    const params = {
      name: candidate.name,
      network: network.name,
      message: input.message || "—",
      url: `${mail.baseUrl}/netwerken/${networkId}`,
    };
    if (input.decision === "decline") {
      await tx
        .update(networkMembers)
        .set({ status: "declined", decisionMessage: input.message, leftAt: new Date() })
        .where(eq(networkMembers.id, candidate.member.id));
      await notify(tx, intakeDecided(net, candidate.member.userId, network.name), () =>
        sendTemplatedMail(tx, candidate, "mail.intakeDeclined", params),
      );
      return "declined" as const;
    }
    const active = await countActiveMembers(tx, networkId);
    if (active >= network.capacity) {
      await tx
        .update(networkMembers)
        .set({ status: "left", decisionMessage: input.message })
        .where(eq(networkMembers.id, candidate.member.id));
      await tx.insert(waitingList).values({
        networkId,
        userId: candidate.member.userId,
        routeId: candidate.member.routeId,
        organisationId: candidate.member.organisationId,
        motivation: candidate.member.motivation,
        learningQuestionDraft: candidate.member.learningQuestionDraft,
        status: "waiting",
        createdAt: sql`clock_timestamp()`,
      });
      return "waiting-list" as const;
    }
    const route = candidate.member.routeId
      ? (
          await tx
            .select()
            .from(enrolmentRoutes)
            .where(eq(enrolmentRoutes.id, candidate.member.routeId))
        )[0]
      : undefined;
    const price = route
      ? priceFor(
          route,
          await colleagueEnrolled(
            tx,
            networkId,
            candidate.member.organisationId,
            candidate.member.userId,
          ),
        )
      : null;
    await tx
      .update(networkMembers)
      .set({
        status: "active",
        joinedAt: new Date(),
        decisionMessage: input.message,
        priceCents: price?.priceCents ?? null,
      })
      .where(eq(networkMembers.id, candidate.member.id));
    await notify(tx, intakeDecided(net, candidate.member.userId, network.name), () =>
      sendTemplatedMail(tx, candidate, "mail.intakeAccepted", params),
    );
    return "accepted" as const;
  });
}

/**
 * Without a network id: a declined candidate of a closed network still reads the decision (the
 * network's public page is the link), where a notification of the network would be hidden.
 */
function intakeDecided(net: SignedInNetwork, userId: string, networkName: string) {
  return {
    userId,
    kind: "intake-decided" as const,
    actorId: net.actor.userId,
    subject: networkName,
    link: `/netwerken/${net.id}`,
  };
}
