import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "#app/db/client.server.ts";
import {
  enrolmentRoutes,
  networkMembers,
  organisationMembers,
  organisations,
  users,
  waitingList,
} from "#app/db/schema/index.ts";
import type { Actor } from "#app/platform/actor.ts";
import { FieldError } from "#app/platform/forms.ts";
import { sendTemplatedMail } from "#app/platform/mailer.server.ts";
import { isJoinable } from "../networks/catalogue.server.ts";
import type {
  AuthorizedNetwork,
  Network,
  SignedInNetwork,
} from "../networks/network-access.server.ts";
import { countActiveMembers, lockNetwork } from "../networks/networks.server.ts";
import { priceFor } from "../networks/pricing.ts";
import { confirmedWorkplace } from "../organisations/workplaces.server.ts";
import {
  colleagueEnrolled,
  countPenvoerders,
  type MailContext,
  waitingPosition,
} from "./memberships.internal.ts";
import type { EnrolInput } from "./memberships.schema.ts";
import { offerFreePlaces } from "./waiting-list.server.ts";

/** Schools the actor works at, to enrol "namens" one of them. */
export async function listMyWorkplaces(db: DbOrTx, actor: Actor) {
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisationMembers)
    .innerJoin(organisations, eq(organisations.id, organisationMembers.organisationId))
    .where(and(eq(organisationMembers.userId, actor.userId), confirmedWorkplace))
    .orderBy(asc(organisations.name));
}

/** What each route costs this person, given the enrolments already made from their school. */
export async function quoteRoutes(db: DbOrTx, net: SignedInNetwork, organisationId: string | null) {
  const { actor, id: networkId } = net;
  const routes = await db
    .select()
    .from(enrolmentRoutes)
    .where(eq(enrolmentRoutes.networkId, networkId))
    .orderBy(asc(enrolmentRoutes.position));
  const colleague = await colleagueEnrolled(db, networkId, organisationId, actor.userId);
  return routes.map((route) => ({ ...route, quote: priceFor(route, colleague) }));
}

/** The actor's own standing in a network: membership, pending intake, waiting-list place, offer. */
export async function getMyStanding(db: DbOrTx, net: AuthorizedNetwork) {
  return net.actor ? standingOf(db, net.id, net.actor.userId) : null;
}

/** Someone's standing in a network (the actor's own, or a nominee's). */
export async function standingOf(db: DbOrTx, networkId: string, userId: string) {
  const [membership] = await db
    .select()
    .from(networkMembers)
    .where(
      and(
        eq(networkMembers.networkId, networkId),
        eq(networkMembers.userId, userId),
        inArray(networkMembers.status, ["active", "nominated", "awaiting-intake"]),
      ),
    );
  const [waiting] = await db
    .select()
    .from(waitingList)
    .where(
      and(
        eq(waitingList.networkId, networkId),
        eq(waitingList.userId, userId),
        inArray(waitingList.status, ["waiting", "offered"]),
      ),
    );
  const position = waiting ? await waitingPosition(db, networkId, waiting.id) : null;
  return { membership: membership ?? null, waiting: waiting ?? null, position };
}

export type EnrolOutcome =
  | { kind: "joined"; priceCents: number | null; secondPerson: boolean }
  | { kind: "awaiting-intake" }
  | { kind: "waiting-list"; position: number };

/** Why someone cannot enrol at all (before any field counts), or null. */
function enrolmentBlock(
  network: Parameters<typeof isJoinable>[0],
  standing: Awaited<ReturnType<typeof standingOf>> | null,
) {
  if (!isJoinable(network, 0)) return "error.enrol.closed";
  if (
    standing?.membership?.status === "active" ||
    standing?.membership?.status === "awaiting-intake"
  )
    return "error.enrol.already";
  if (standing?.waiting) return "error.enrol.alreadyWaiting";
  return null;
}

/**
 * Checked before the enrolment form is validated: a member, someone on the waiting list or a
 * closed network get the reason (the page shows no form then, so field errors would go unseen).
 */
export async function assertMayEnrol(db: DbOrTx, net: SignedInNetwork) {
  const block = enrolmentBlock(net.network, await getMyStanding(db, net));
  if (block) throw new FieldError("form", block);
}

export async function enrol(
  db: Db,
  net: SignedInNetwork,
  input: EnrolInput,
  mail: MailContext,
): Promise<EnrolOutcome> {
  const { actor, id: networkId } = net;
  return db.transaction(async (tx) => {
    // Re-read under the lock: capacity, join mode and one's standing decide where one lands.
    const network = await lockNetwork(tx, networkId);
    const standing = await standingOf(tx, networkId, actor.userId);
    const block = enrolmentBlock(network, standing);
    if (block) throw new FieldError("form", block);

    const routes = await tx
      .select()
      .from(enrolmentRoutes)
      .where(eq(enrolmentRoutes.networkId, networkId));
    const route = routes.find((r) => r.id === input.routeId) ?? null;
    if (routes.length > 0 && !route) throw new FieldError("routeId", "error.enrol.route");
    const workplaces = await listMyWorkplaces(tx, actor);
    if (input.organisationId && !workplaces.some((w) => w.id === input.organisationId)) {
      throw new FieldError("organisationId", "error.organisation.invalid");
    }
    const organisationId = input.organisationId || workplaces[0]?.id || null;

    if (network.joinMode === "nomination" && network.status !== "in-formation") {
      if (standing?.membership?.status !== "nominated")
        throw new FieldError("form", "error.enrol.nominationRequired");
      await tx
        .update(networkMembers)
        .set({
          status: "awaiting-intake",
          routeId: route?.id ?? null,
          organisationId,
          motivation: input.motivation,
          learningQuestionDraft: input.learningQuestionDraft,
        })
        .where(eq(networkMembers.id, standing.membership.id));
      await notifyManagers(tx, network, "mail.intake", {
        name: actor.name,
        network: network.name,
        url: `${mail.baseUrl}/netwerken/${network.id}/leden`,
      });
      return { kind: "awaiting-intake" } as const;
    }

    const active = await countActiveMembers(tx, networkId);
    if (active >= network.capacity) {
      const [entry] = await tx
        .insert(waitingList)
        .values({
          networkId,
          userId: actor.userId,
          routeId: route?.id ?? null,
          organisationId,
          motivation: input.motivation,
          learningQuestionDraft: input.learningQuestionDraft,
          status: "waiting",
          // The moment of insert, taken under the network lock: the queue's real order
          // (now() would be the transaction's start, which can precede an earlier insert).
          createdAt: sql`clock_timestamp()`,
        })
        .returning({ id: waitingList.id });
      return {
        kind: "waiting-list",
        position: entry ? await waitingPosition(tx, networkId, entry.id) : 1,
      } as const;
    }
    const price = route
      ? priceFor(route, await colleagueEnrolled(tx, networkId, organisationId, actor.userId))
      : null;
    await tx.insert(networkMembers).values({
      networkId,
      userId: actor.userId,
      role: "deelnemer",
      status: "active",
      routeId: route?.id ?? null,
      organisationId,
      priceCents: price?.priceCents ?? null,
      motivation: input.motivation,
      learningQuestionDraft: input.learningQuestionDraft,
      joinedAt: new Date(),
    });
    return {
      kind: "joined",
      priceCents: price?.priceCents ?? null,
      secondPerson: price?.secondPerson ?? false,
    } as const;
  });
}

async function notifyManagers(
  tx: DbOrTx,
  network: Network,
  key: "mail.intake",
  params: Record<string, string>,
) {
  const managers = await tx
    .select({ email: users.email, locale: users.locale })
    .from(networkMembers)
    .innerJoin(users, eq(users.id, networkMembers.userId))
    .where(
      and(
        eq(networkMembers.networkId, network.id),
        eq(networkMembers.status, "active"),
        inArray(networkMembers.role, ["penvoerder", "facilitator"]),
      ),
    );
  for (const manager of managers) {
    await sendTemplatedMail(tx, manager, key, params);
  }
}

/** Leaving frees a place; the first on the waiting list is offered it at once. */
export async function leave(db: Db, net: SignedInNetwork, mail: MailContext) {
  const { actor, id: networkId } = net;
  await db.transaction(async (tx) => {
    const network = await lockNetwork(tx, networkId);
    const standing = await standingOf(tx, networkId, actor.userId);
    if (
      standing?.membership?.role === "penvoerder" &&
      standing.membership.status === "active" &&
      (await countPenvoerders(tx, networkId)) <= 1
    ) {
      throw new FieldError("form", "error.role.lastPenvoerder");
    }
    const updated = await tx
      .update(networkMembers)
      .set({ status: "left", leftAt: new Date() })
      .where(
        and(
          eq(networkMembers.networkId, networkId),
          eq(networkMembers.userId, actor.userId),
          inArray(networkMembers.status, ["active", "awaiting-intake", "nominated"]),
        ),
      )
      .returning({ id: networkMembers.id });
    if (!updated.length) {
      const withdrawn = await tx
        .update(waitingList)
        .set({ status: "withdrawn" })
        .where(
          and(
            eq(waitingList.networkId, networkId),
            eq(waitingList.userId, actor.userId),
            inArray(waitingList.status, ["waiting", "offered"]),
          ),
        )
        .returning({ id: waitingList.id });
      if (!withdrawn.length) throw new FieldError("form", "error.leave.notMember");
    }
    await offerFreePlaces(tx, network, mail);
  });
}
