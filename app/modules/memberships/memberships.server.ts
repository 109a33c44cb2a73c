import { and, asc, count, desc, eq, inArray, lt, ne, sql } from "drizzle-orm";
import type { Db, DbOrTx, Tx } from "#app/db/client.server.ts";
import {
  enrolmentRoutes,
  networkMembers,
  networkSteps,
  networks,
  organisationMembers,
  organisations,
  users,
  waitingList,
} from "#app/db/schema/index.ts";
import type { Actor, MaybeActor } from "#app/platform/actor.ts";
import { FieldError } from "#app/platform/forms.ts";
import { authorize, notFound } from "#app/platform/http.server.ts";
import { sendTemplatedMail } from "#app/platform/mailer.server.ts";
import { canManageNetwork, canNominate, type NetworkAccess } from "../networks/networks.policy.ts";
import {
  countActiveMembers,
  isJoinable,
  loadNetworkAccess,
  lockNetwork,
  type Network,
} from "../networks/networks.server.ts";
import { priceFor } from "../networks/pricing.ts";
import { confirmedWorkplace } from "../organisations/organisations.server.ts";
import type { EnrolInput } from "./memberships.schema.ts";

export interface MailContext {
  baseUrl: string;
}

/** Schools the actor works at, to enrol "namens" one of them. */
export async function listMyWorkplaces(db: DbOrTx, actor: Actor) {
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisationMembers)
    .innerJoin(organisations, eq(organisations.id, organisationMembers.organisationId))
    .where(and(eq(organisationMembers.userId, actor.userId), confirmedWorkplace))
    .orderBy(asc(organisations.name));
}

async function colleagueEnrolled(
  db: DbOrTx,
  networkId: string,
  organisationId: string | null,
  userId: string,
) {
  if (!organisationId) return false;
  const [row] = await db
    .select({ n: count() })
    .from(networkMembers)
    .where(
      and(
        eq(networkMembers.networkId, networkId),
        eq(networkMembers.organisationId, organisationId),
        ne(networkMembers.userId, userId),
        inArray(networkMembers.status, ["active", "awaiting-intake"]),
      ),
    );
  return (row?.n ?? 0) > 0;
}

/** What each route costs this person, given the enrolments already made from their school. */
export async function quoteRoutes(
  db: DbOrTx,
  actor: Actor,
  networkId: string,
  organisationId: string | null,
) {
  const routes = await db
    .select()
    .from(enrolmentRoutes)
    .where(eq(enrolmentRoutes.networkId, networkId))
    .orderBy(asc(enrolmentRoutes.position));
  const colleague = await colleagueEnrolled(db, networkId, organisationId, actor.userId);
  return routes.map((route) => ({ ...route, quote: priceFor(route, colleague) }));
}

/** The actor's own standing in a network: membership, pending intake, waiting-list place, offer. */
export async function getMyStanding(db: DbOrTx, actor: MaybeActor, networkId: string) {
  if (!actor) return null;
  const [membership] = await db
    .select()
    .from(networkMembers)
    .where(
      and(
        eq(networkMembers.networkId, networkId),
        eq(networkMembers.userId, actor.userId),
        inArray(networkMembers.status, ["active", "nominated", "awaiting-intake"]),
      ),
    );
  const [waiting] = await db
    .select()
    .from(waitingList)
    .where(
      and(
        eq(waitingList.networkId, networkId),
        eq(waitingList.userId, actor.userId),
        inArray(waitingList.status, ["waiting", "offered"]),
      ),
    );
  const position = waiting ? await waitingPosition(db, networkId, waiting.id) : null;
  return { membership: membership ?? null, waiting: waiting ?? null, position };
}

/** 1-based place in line, compared in the database (JS dates would drop the microseconds). */
async function waitingPosition(db: DbOrTx, networkId: string, entryId: string) {
  const [row] = await db
    .select({ n: count() })
    .from(waitingList)
    .where(
      and(
        eq(waitingList.networkId, networkId),
        inArray(waitingList.status, ["waiting", "offered"]),
        sql`(${waitingList.createdAt}, ${waitingList.id}) <= (select created_at, id from waiting_list where id = ${entryId})`,
      ),
    );
  return row?.n ?? 1;
}

export type EnrolOutcome =
  | { kind: "joined"; priceCents: number | null; secondPerson: boolean }
  | { kind: "awaiting-intake" }
  | { kind: "waiting-list"; position: number };

/** Why someone cannot enrol at all (before any field counts), or null. */
function enrolmentBlock(
  network: Parameters<typeof isJoinable>[0],
  standing: Awaited<ReturnType<typeof getMyStanding>>,
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
export async function assertMayEnrol(db: DbOrTx, actor: MaybeActor, networkId: string) {
  if (!actor) notFound();
  const { network } = await loadNetworkAccess(db, actor, networkId);
  const block = enrolmentBlock(network, await getMyStanding(db, actor, networkId));
  if (block) throw new FieldError("form", block);
}

export async function enrol(
  db: Db,
  actor: MaybeActor,
  networkId: string,
  input: EnrolInput,
  mail: MailContext,
): Promise<EnrolOutcome> {
  if (!actor) notFound();
  return db.transaction(async (tx) => {
    await loadNetworkAccess(tx, actor, networkId);
    const network = await lockNetwork(tx, networkId);
    const standing = await getMyStanding(tx, actor, networkId);
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

async function countPenvoerders(tx: DbOrTx, networkId: string) {
  const [row] = await tx
    .select({ n: count() })
    .from(networkMembers)
    .where(
      and(
        eq(networkMembers.networkId, networkId),
        eq(networkMembers.status, "active"),
        eq(networkMembers.role, "penvoerder"),
      ),
    );
  return row?.n ?? 0;
}

/** Leaving frees a place; the first on the waiting list is offered it at once. */
export async function leave(db: Db, actor: MaybeActor, networkId: string, mail: MailContext) {
  if (!actor) notFound();
  await db.transaction(async (tx) => {
    await loadNetworkAccess(tx, actor, networkId);
    const network = await lockNetwork(tx, networkId);
    const standing = await getMyStanding(tx, actor, networkId);
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

/** Offers every free place (places minus active members minus open offers) to the next in line. */
async function offerFreePlaces(tx: Tx, network: Network, mail: MailContext) {
  const active = await countActiveMembers(tx, network.id);
  const [open] = await tx
    .select({ n: count() })
    .from(waitingList)
    .where(and(eq(waitingList.networkId, network.id), eq(waitingList.status, "offered")));
  let free = network.capacity - active - (open?.n ?? 0);
  if (free <= 0) return;
  const next = await tx
    .select({ id: waitingList.id, email: users.email, name: users.name, locale: users.locale })
    .from(waitingList)
    .innerJoin(users, eq(users.id, waitingList.userId))
    .where(and(eq(waitingList.networkId, network.id), eq(waitingList.status, "waiting")))
    .orderBy(asc(waitingList.createdAt))
    .limit(free);
  const expires = new Date(Date.now() + network.offerDays * 24 * 60 * 60 * 1000);
  for (const person of next) {
    if (free <= 0) break;
    await tx
      .update(waitingList)
      .set({ status: "offered", offerExpiresAt: expires })
      .where(eq(waitingList.id, person.id));
    const params = {
      name: person.name,
      network: network.name,
      days: String(network.offerDays),
      url: `${mail.baseUrl}/netwerken/${network.id}`,
    };
    await sendTemplatedMail(tx, person, "mail.placeOffered", params);
    free -= 1;
  }
}

export async function acceptOffer(db: Db, actor: MaybeActor, networkId: string) {
  if (!actor) notFound();
  return db.transaction(async (tx) => {
    await loadNetworkAccess(tx, actor, networkId);
    await lockNetwork(tx, networkId);
    const [offer] = await tx
      .select()
      .from(waitingList)
      .where(
        and(
          eq(waitingList.networkId, networkId),
          eq(waitingList.userId, actor.userId),
          eq(waitingList.status, "offered"),
          sql`${waitingList.offerExpiresAt} > now()`,
        ),
      );
    if (!offer) throw new FieldError("form", "error.offer.expired");
    const route = offer.routeId
      ? (await tx.select().from(enrolmentRoutes).where(eq(enrolmentRoutes.id, offer.routeId)))[0]
      : undefined;
    const price = route
      ? priceFor(route, await colleagueEnrolled(tx, networkId, offer.organisationId, actor.userId))
      : null;
    await tx.update(waitingList).set({ status: "accepted" }).where(eq(waitingList.id, offer.id));
    await tx.insert(networkMembers).values({
      networkId,
      userId: actor.userId,
      role: "deelnemer",
      status: "active",
      routeId: offer.routeId,
      organisationId: offer.organisationId,
      priceCents: price?.priceCents ?? null,
      motivation: offer.motivation,
      learningQuestionDraft: offer.learningQuestionDraft,
      joinedAt: new Date(),
    });
    return { priceCents: price?.priceCents ?? null };
  });
}

/** Offers not taken up in time lapse, and the place goes to the next person. Idempotent. */
export async function expireOffers(db: Db, mail: MailContext) {
  const lapsed = await db
    .update(waitingList)
    .set({ status: "expired" })
    .where(and(eq(waitingList.status, "offered"), lt(waitingList.offerExpiresAt, new Date())))
    .returning({ networkId: waitingList.networkId });
  for (const networkId of new Set(lapsed.map((row) => row.networkId))) {
    await db.transaction(async (tx) => offerFreePlaces(tx, await lockNetwork(tx, networkId), mail));
  }
  return lapsed.length;
}

/**
 * Nominating a colleague: the members of a network that is joined by nomination (its page shows
 * them the form; elsewhere there is none, so its field errors would be shown to no one).
 */
function mayNominate(actor: MaybeActor, network: { joinMode: string }, access: NetworkAccess) {
  return network.joinMode === "nomination" && canNominate(actor, access);
}

/** Authorise before validating: who may not nominate here gets the 403, not field errors. */
export async function assertCanNominate(db: DbOrTx, actor: MaybeActor, networkId: string) {
  const { network, access } = await loadNetworkAccess(db, actor, networkId);
  authorize(mayNominate(actor, network, access));
}

export async function nominate(
  db: Db,
  actor: MaybeActor,
  networkId: string,
  input: { email: string; note: string },
  mail: MailContext,
) {
  await db.transaction(async (tx) => {
    const { network, access } = await loadNetworkAccess(tx, actor, networkId);
    authorize(mayNominate(actor, network, access));
    if (!actor) notFound();
    const [nominee] = await tx
      .select()
      .from(users)
      .where(sql`lower(${users.email}) = ${input.email}`);
    if (!nominee) throw new FieldError("email", "error.nominate.unknown");
    const standing = await getMyStanding(tx, { ...actor, userId: nominee.id }, networkId);
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
  actor: MaybeActor,
  networkId: string,
  input: { memberId: string; decision: "accept" | "decline"; message: string },
  mail: MailContext,
) {
  return db.transaction(async (tx) => {
    const { access } = await loadNetworkAccess(tx, actor, networkId);
    authorize(canManageNetwork(actor, access));
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
      await sendTemplatedMail(tx, candidate, "mail.intakeDeclined", params);
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
    await sendTemplatedMail(tx, candidate, "mail.intakeAccepted", params);
    return "accepted" as const;
  });
}

/** For the penvoerder: who joined and left when, pending intakes, and the waiting list. */
export async function getMembershipAdmin(db: DbOrTx, actor: MaybeActor, networkId: string) {
  const { network, access } = await loadNetworkAccess(db, actor, networkId);
  authorize(canManageNetwork(actor, access));
  const [history, waiting, activeCount] = await Promise.all([
    db
      .select({
        id: networkMembers.id,
        name: users.name,
        role: networkMembers.role,
        status: networkMembers.status,
        routeName: enrolmentRoutes.name,
        priceCents: networkMembers.priceCents,
        schoolName: organisations.name,
        motivation: networkMembers.motivation,
        learningQuestionDraft: networkMembers.learningQuestionDraft,
        nominatedByName: sql<
          string | null
        >`(select name from users n where n.id = ${networkMembers.nominatedBy})`,
        nominationNote: networkMembers.nominationNote,
        joinedAt: networkMembers.joinedAt,
        leftAt: networkMembers.leftAt,
        createdAt: networkMembers.createdAt,
      })
      .from(networkMembers)
      .innerJoin(users, eq(users.id, networkMembers.userId))
      .leftJoin(enrolmentRoutes, eq(enrolmentRoutes.id, networkMembers.routeId))
      .leftJoin(organisations, eq(organisations.id, networkMembers.organisationId))
      .where(eq(networkMembers.networkId, networkId))
      .orderBy(
        desc(
          sql`coalesce(${networkMembers.leftAt}, ${networkMembers.joinedAt}, ${networkMembers.createdAt})`,
        ),
      ),
    db
      .select({
        id: waitingList.id,
        name: users.name,
        status: waitingList.status,
        offerExpiresAt: waitingList.offerExpiresAt,
        createdAt: waitingList.createdAt,
        schoolName: organisations.name,
      })
      .from(waitingList)
      .innerJoin(users, eq(users.id, waitingList.userId))
      .leftJoin(organisations, eq(organisations.id, waitingList.organisationId))
      .where(
        and(
          eq(waitingList.networkId, networkId),
          inArray(waitingList.status, ["waiting", "offered"]),
        ),
      )
      .orderBy(asc(waitingList.createdAt)),
    countActiveMembers(db, networkId),
  ]);
  return {
    network,
    history,
    waiting,
    activeCount,
    canStartSecond: waiting.length >= network.capacity,
  };
}

/**
 * When the waiting list is as long as a whole network (seed V: Vrouwelijk Leiderschap 1 and 2),
 * the penvoerder starts a second network: same profile, routes and steps, and the people
 * waiting move into it as members.
 */
export async function startSecondNetwork(
  db: Db,
  actor: MaybeActor,
  networkId: string,
  mail: MailContext,
) {
  return db.transaction(async (tx) => {
    const { access } = await loadNetworkAccess(tx, actor, networkId);
    authorize(canManageNetwork(actor, access));
    if (!actor) notFound();
    const network = await lockNetwork(tx, networkId);
    const waiting = await tx
      .select()
      .from(waitingList)
      .where(and(eq(waitingList.networkId, networkId), eq(waitingList.status, "waiting")))
      .orderBy(asc(waitingList.createdAt));
    if (waiting.length < network.capacity) throw new FieldError("form", "error.second.tooFew");
    const { id: _id, createdAt: _createdAt, ...profile } = network;
    const numbered = /^(.*?)(\s+)(\d+)$/.exec(network.name);
    const name = numbered
      ? `${numbered[1]}${numbered[2]}${Number(numbered[3]) + 1}`
      : `${network.name} 2`;
    const [copy] = await tx
      .insert(networks)
      .values({
        ...profile,
        name,
        phase: "zaaien",
        facilitatedMeetingsHeld: 0,
        continuation: null,
        createdBy: actor.userId,
      })
      .returning();
    if (!copy) throw new Error("no copy");
    const steps = await tx.select().from(networkSteps).where(eq(networkSteps.networkId, networkId));
    if (steps.length)
      await tx
        .insert(networkSteps)
        .values(steps.map((s) => ({ networkId: copy.id, number: s.number, title: s.title })));
    const routes = await tx
      .select()
      .from(enrolmentRoutes)
      .where(eq(enrolmentRoutes.networkId, networkId));
    const routeMap = new Map<string, string>();
    for (const { id, networkId: _n, ...route } of routes) {
      const [newRoute] = await tx
        .insert(enrolmentRoutes)
        .values({ ...route, networkId: copy.id })
        .returning({ id: enrolmentRoutes.id });
      if (newRoute) routeMap.set(id, newRoute.id);
    }
    const managers = await tx
      .select()
      .from(networkMembers)
      .where(
        and(
          eq(networkMembers.networkId, networkId),
          eq(networkMembers.status, "active"),
          inArray(networkMembers.role, ["penvoerder", "facilitator"]),
        ),
      );
    for (const manager of managers) {
      await tx.insert(networkMembers).values({
        networkId: copy.id,
        userId: manager.userId,
        role: manager.role,
        status: "active",
        organisationId: manager.organisationId,
        joinedAt: new Date(),
      });
    }
    const places = copy.capacity - managers.length;
    for (const [index, entry] of waiting.entries()) {
      await tx.update(waitingList).set({ status: "moved" }).where(eq(waitingList.id, entry.id));
      const routeId = entry.routeId ? (routeMap.get(entry.routeId) ?? null) : null;
      let position: number | null = null;
      if (index < places) {
        await tx.insert(networkMembers).values({
          networkId: copy.id,
          userId: entry.userId,
          role: "deelnemer",
          status: "active",
          routeId,
          organisationId: entry.organisationId,
          motivation: entry.motivation,
          learningQuestionDraft: entry.learningQuestionDraft,
          joinedAt: new Date(),
        });
      } else {
        const [kept] = await tx
          .insert(waitingList)
          .values({
            networkId: copy.id,
            userId: entry.userId,
            routeId,
            organisationId: entry.organisationId,
            motivation: entry.motivation,
            learningQuestionDraft: entry.learningQuestionDraft,
            status: "waiting",
            createdAt: entry.createdAt,
          })
          .returning({ id: waitingList.id });
        position = kept ? await waitingPosition(tx, copy.id, kept.id) : index - places + 1;
      }
      // Each person is told what happened to them: a member now, or still waiting (and where).
      const [person] = await tx.select().from(users).where(eq(users.id, entry.userId));
      if (person) {
        const params = {
          name: person.name,
          network: copy.name,
          previous: network.name,
          url: `${mail.baseUrl}/netwerken/${copy.id}`,
        };
        if (position === null) await sendTemplatedMail(tx, person, "mail.secondNetwork", params);
        else
          await sendTemplatedMail(tx, person, "mail.secondNetworkWaiting", {
            ...params,
            position: String(position),
          });
      }
    }
    return copy.id;
  });
}

/**
 * The penvoerder (or another manager) makes an active member facilitator or co-penvoerder,
 * or back; a network always keeps at least one penvoerder.
 */
export async function setMemberRole(
  db: Db,
  actor: MaybeActor,
  networkId: string,
  input: { memberId: string; role: "penvoerder" | "facilitator" | "deelnemer" },
) {
  await db.transaction(async (tx) => {
    const { access } = await loadNetworkAccess(tx, actor, networkId);
    authorize(canManageNetwork(actor, access));
    await lockNetwork(tx, networkId);
    const [member] = await tx
      .select()
      .from(networkMembers)
      .where(
        and(
          eq(networkMembers.id, input.memberId),
          eq(networkMembers.networkId, networkId),
          eq(networkMembers.status, "active"),
        ),
      );
    if (!member) notFound();
    if (member.role === "penvoerder" && input.role !== "penvoerder") {
      if ((await countPenvoerders(tx, networkId)) <= 1)
        throw new FieldError("form", "error.role.lastPenvoerder");
    }
    await tx
      .update(networkMembers)
      .set({ role: input.role })
      .where(eq(networkMembers.id, member.id));
  });
}
