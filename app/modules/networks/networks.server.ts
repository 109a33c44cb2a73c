import { and, asc, count, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "#app/db/client.server.ts";
import {
  enrolmentRoutes,
  networkMembers,
  networkPhaseChanges,
  networkSteps,
  networks,
  organisationMembers,
  organisations,
  programmes,
  regions,
  users,
} from "#app/db/schema/index.ts";
import type { MaybeActor } from "#app/platform/actor.ts";
import { authorize, notFound } from "#app/platform/errors.ts";
import { FieldError } from "#app/platform/forms.ts";
import { type Page, pageOf, pagerOf } from "#app/platform/paging.ts";
import { confirmedWorkplace } from "../organisations/workplaces.server.ts";
import { isJoinable } from "./catalogue.server.ts";
import {
  type AuthorizedNetwork,
  networkColumns,
  type SignedInNetwork,
} from "./network-access.server.ts";
import { canAdoptNetwork, canManageNetwork, canViewNetworkMembers } from "./networks.policy.ts";
import type { NetworkProfileInput, ProposalInput } from "./networks.schema.ts";

/**
 * Locks the network row for the rest of the transaction. Every write that changes who holds a
 * place takes it first, so two people taking the last place at once cannot both get it.
 */
export async function lockNetwork(tx: DbOrTx, networkId: string) {
  const [network] = await tx
    .select(networkColumns)
    .from(networks)
    .where(eq(networks.id, networkId))
    .for("update");
  if (!network) notFound();
  return network;
}

export async function countActiveMembers(db: DbOrTx, networkId: string) {
  const [row] = await db
    .select({ n: count() })
    .from(networkMembers)
    .where(and(eq(networkMembers.networkId, networkId), eq(networkMembers.status, "active")));
  return row?.n ?? 0;
}

/** Members shown per page on the network page: a national network has hundreds. */
export const membersPerPage = 30;

export async function getNetwork(
  db: DbOrTx,
  authorized: AuthorizedNetwork,
  memberPage: Page = { page: 1, perPage: membersPerPage, offset: 0 },
) {
  const { network, access, actor, id: networkId } = authorized;
  const [region, programme, routes, steps, phaseChanges, memberCount] = await Promise.all([
    network.regionId
      ? db
          .select()
          .from(regions)
          .where(eq(regions.id, network.regionId))
          .then((r) => r[0] ?? null)
      : null,
    network.programmeId
      ? db
          .select()
          .from(programmes)
          .where(eq(programmes.id, network.programmeId))
          .then((r) => r[0] ?? null)
      : null,
    db
      .select()
      .from(enrolmentRoutes)
      .where(eq(enrolmentRoutes.networkId, networkId))
      .orderBy(asc(enrolmentRoutes.position), asc(enrolmentRoutes.name)),
    db
      .select()
      .from(networkSteps)
      .where(eq(networkSteps.networkId, networkId))
      .orderBy(asc(networkSteps.number)),
    db
      .select({
        phase: networkPhaseChanges.phase,
        note: networkPhaseChanges.note,
        changedAt: networkPhaseChanges.changedAt,
        by: users.name,
      })
      .from(networkPhaseChanges)
      .leftJoin(users, eq(users.id, networkPhaseChanges.changedBy))
      .where(eq(networkPhaseChanges.networkId, networkId))
      .orderBy(desc(networkPhaseChanges.changedAt)),
    countActiveMembers(db, networkId),
  ]);
  const members = canViewNetworkMembers(actor, access)
    ? pageOf(await listActiveMembers(db, networkId, memberPage), memberPage)
    : null;
  return {
    network,
    access,
    region,
    programme,
    routes,
    steps,
    phaseChanges,
    memberCount,
    members: members?.rows ?? null,
    memberPager: members
      ? pagerOf(memberPage, { count: memberCount, more: false }, members.hasNext)
      : null,
    joinable: isJoinable(network, memberCount),
    canManage: canManageNetwork(actor, access),
  };
}

async function listActiveMembers(db: DbOrTx, networkId: string, page: Page) {
  return db
    .select({
      userId: users.id,
      name: users.name,
      jobFunction: users.jobFunction,
      jobFunctionOther: users.jobFunctionOther,
      role: networkMembers.role,
      schoolName: organisations.name,
      joinedAt: networkMembers.joinedAt,
    })
    .from(networkMembers)
    .innerJoin(users, eq(users.id, networkMembers.userId))
    .leftJoin(organisations, eq(organisations.id, networkMembers.organisationId))
    .where(and(eq(networkMembers.networkId, networkId), eq(networkMembers.status, "active")))
    .orderBy(
      sql`case ${networkMembers.role} when 'penvoerder' then 0 when 'facilitator' then 1 else 2 end`,
      asc(users.name),
      asc(users.id),
    )
    .limit(page.perPage + 1)
    .offset(page.offset);
}

/** "Start zelf een leernetwerk": a proposal becomes a network in formation, held by its proposer. */
export async function proposeNetwork(db: Db, actor: MaybeActor, input: ProposalInput) {
  if (!actor) notFound();
  return db.transaction(async (tx) => {
    const [network] = await tx
      .insert(networks)
      .values({
        name: input.name,
        question: input.question,
        sectors: input.sectors,
        targetFunctions: input.targetFunctions,
        intendedMembers: input.intendedMembers,
        facilitatorNote: input.facilitatorNote,
        themes: input.themes,
        status: "in-formation",
        createdBy: actor.userId,
      })
      .returning({ id: networks.id });
    if (!network) throw new Error("no network");
    const [workplace] = await tx
      .select({ id: organisationMembers.organisationId })
      .from(organisationMembers)
      .where(and(eq(organisationMembers.userId, actor.userId), confirmedWorkplace))
      .limit(1);
    await tx.insert(networkMembers).values({
      networkId: network.id,
      userId: actor.userId,
      role: "penvoerder",
      status: "active",
      organisationId: workplace?.id ?? null,
      joinedAt: new Date(),
    });
    await tx.insert(networkPhaseChanges).values({
      networkId: network.id,
      phase: "zaaien",
      note: "Netwerk voorgesteld.",
      changedBy: actor.userId,
    });
    return network.id;
  });
}

export async function updateNetworkProfile(
  db: Db,
  net: SignedInNetwork,
  input: NetworkProfileInput,
) {
  authorize(canManageNetwork(net.actor, net.access));
  const networkId = net.id;
  return db.transaction(async (tx) => {
    // Locked so a join in flight cannot slip past the new capacity.
    await lockNetwork(tx, networkId);
    const active = await countActiveMembers(tx, networkId);
    if (input.capacity < active)
      throw new FieldError("capacity", "error.network.capacityBelowMembers");
    await tx
      .update(networks)
      .set({
        name: input.name,
        question: input.question,
        description: input.description,
        sectors: input.sectors,
        targetFunctions: input.targetFunctions,
        intendedMembers: input.intendedMembers,
        facilitatorNote: input.facilitatorNote,
        themes: input.themes,
        regionId: input.regionId || null,
        status: input.status,
        openness: input.openness,
        joinMode: input.joinMode,
        form: input.form,
        meetingPattern: input.meetingPattern,
        meetingsPerYear: input.meetingsPerYear,
        capacity: input.capacity,
        startDate: input.startDate || null,
        endDate: input.endDate || null,
        durationMonths: input.durationMonths,
        costsNote: input.costsNote,
        offerDays: input.offerDays,
      })
      .where(eq(networks.id, networkId));
  });
}

export async function changePhase(
  db: Db,
  net: SignedInNetwork,
  input: { phase: "zaaien" | "cultiveren" | "oogsten"; note: string },
) {
  authorize(canManageNetwork(net.actor, net.access));
  const networkId = net.id;
  await db.transaction(async (tx) => {
    await tx.update(networks).set({ phase: input.phase }).where(eq(networks.id, networkId));
    await tx.insert(networkPhaseChanges).values({
      networkId,
      phase: input.phase,
      note: input.note,
      changedBy: net.actor.userId,
    });
  });
}

export async function adoptIntoProgramme(db: Db, net: SignedInNetwork, programmeId: string) {
  authorize(canAdoptNetwork(net.actor, net.access, programmeId));
  await db.update(networks).set({ programmeId }).where(eq(networks.id, net.id));
}

/** Programmes the actor coordinates (for "opnemen in programma"). */
export async function coordinatedProgrammes(db: DbOrTx, actor: MaybeActor) {
  const ids =
    actor?.grants.filter((g) => g.role === "programme-coordinator").map((g) => g.scopeId) ?? [];
  if (actor?.isPlatformAdmin) return db.select().from(programmes).orderBy(asc(programmes.name));
  if (!ids.length) return [];
  return db
    .select()
    .from(programmes)
    .where(inArray(programmes.id, ids))
    .orderBy(asc(programmes.name));
}
