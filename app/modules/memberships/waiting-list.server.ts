import { and, asc, count, eq, inArray, lt, sql } from "drizzle-orm";
import type { Db, Tx } from "#app/db/client.server.ts";
import {
  enrolmentRoutes,
  networkMembers,
  networkSteps,
  networks,
  users,
  waitingList,
} from "#app/db/schema/index.ts";
import { authorize } from "#app/platform/errors.ts";
import { FieldError } from "#app/platform/forms.ts";
import { sendTemplatedMail } from "#app/platform/mailer.server.ts";
import type { Network, SignedInNetwork } from "../networks/network-access.server.ts";
import { canManageNetwork } from "../networks/networks.policy.ts";
import { countActiveMembers, lockNetwork } from "../networks/networks.server.ts";
import { priceFor } from "../networks/pricing.ts";
import { notify } from "../notifications/notify.server.ts";
import { colleagueEnrolled, type MailContext, waitingPosition } from "./memberships.internal.ts";

/** Offers every free place (places minus active members minus open offers) to the next in line. */
export async function offerFreePlaces(tx: Tx, network: Network, mail: MailContext) {
  const active = await countActiveMembers(tx, network.id);
  const [open] = await tx
    .select({ n: count() })
    .from(waitingList)
    .where(and(eq(waitingList.networkId, network.id), eq(waitingList.status, "offered")));
  let free = network.capacity - active - (open?.n ?? 0);
  if (free <= 0) return;
  const next = await tx
    .select({
      id: waitingList.id,
      userId: users.id,
      email: users.email,
      name: users.name,
      locale: users.locale,
    })
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
    // No network id: whoever waits is not a member yet, and the offer is on the public page.
    await notify(
      tx,
      {
        userId: person.userId,
        kind: "place-offered",
        subject: network.name,
        link: `/netwerken/${network.id}`,
      },
      () => sendTemplatedMail(tx, person, "mail.placeOffered", params),
    );
    free -= 1;
  }
}

export async function acceptOffer(db: Db, net: SignedInNetwork) {
  const { actor, id: networkId } = net;
  return db.transaction(async (tx) => {
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
 * When the waiting list is as long as a whole network (seed V: Vrouwelijk Leiderschap 1 and 2),
 * the penvoerder starts a second network: same profile, routes and steps, and the people
 * waiting move into it as members.
 */
export async function startSecondNetwork(db: Db, net: SignedInNetwork, mail: MailContext) {
  authorize(canManageNetwork(net.actor, net.access));
  const { actor, id: networkId } = net;
  return db.transaction(async (tx) => {
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
