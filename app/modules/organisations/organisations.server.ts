import { and, asc, count, eq, ilike, inArray, or, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "#app/db/client.server.ts";
import {
  organisationMembers,
  organisations,
  programmeCoordinators,
  programmes,
  regions,
  users,
} from "#app/db/schema/index.ts";
import type { Actor, MaybeActor, RoleGrant } from "#app/platform/actor.ts";
import { FieldError } from "#app/platform/forms.ts";
import { authorize, notFound } from "#app/platform/http.server.ts";
import { isUuid } from "#app/platform/ids.ts";
import type { Page } from "#app/platform/paging.ts";
import {
  canChangeBoard,
  canCreateOrganisation,
  canEditOrganisation,
  canViewOrganisationPeople,
} from "./organisations.policy.ts";
import type { OrganisationInput } from "./organisations.schema.ts";

/** School and programme roles of a user, as grants for the actor. */
export async function loadGrants(db: DbOrTx, userId: string): Promise<RoleGrant[]> {
  const [memberships, coordinatorships] = await Promise.all([
    db
      .select({
        organisationId: organisationMembers.organisationId,
        role: organisationMembers.role,
      })
      .from(organisationMembers)
      .where(eq(organisationMembers.userId, userId)),
    db
      .select({
        programmeId: programmeCoordinators.programmeId,
        regionId: programmeCoordinators.regionId,
      })
      .from(programmeCoordinators)
      .where(eq(programmeCoordinators.userId, userId)),
  ]);
  return [
    ...memberships.map((m) => ({ role: `organisation-${m.role}`, scopeId: m.organisationId })),
    ...coordinatorships.map((c) => ({
      role: "programme-coordinator",
      scopeId: c.programmeId,
      regionId: c.regionId,
    })),
  ];
}

/** The actor for a signed-in user: who they are plus every role grant they hold. */
export async function loadActor(
  db: DbOrTx,
  user: { id: string; name: string; email: string; isPlatformAdmin: boolean },
): Promise<Actor> {
  const grants = await loadGrants(db, user.id);
  if (user.isPlatformAdmin) grants.unshift({ role: "platform-admin", scopeId: "platform" });
  return {
    userId: user.id,
    name: user.name,
    email: user.email,
    isPlatformAdmin: user.isPlatformAdmin,
    grants,
  };
}

export async function listRegions(db: DbOrTx) {
  return db.select().from(regions).orderBy(asc(regions.name));
}

export async function listBoards(db: DbOrTx) {
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(eq(organisations.kind, "board"))
    .orderBy(asc(organisations.name));
}

export async function listOrganisations(db: DbOrTx, input: { query?: string; page: Page }) {
  const query = input.query?.trim();
  const where = query
    ? or(ilike(organisations.name, `%${query}%`), ilike(organisations.place, `%${query}%`))
    : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: organisations.id,
        name: organisations.name,
        kind: organisations.kind,
        sector: organisations.sector,
        place: organisations.place,
        regionName: regions.name,
      })
      .from(organisations)
      .leftJoin(regions, eq(regions.id, organisations.regionId))
      .where(where)
      .orderBy(asc(organisations.kind), asc(organisations.name))
      .limit(input.page.perPage)
      .offset(input.page.offset),
    db.select({ count: count() }).from(organisations).where(where),
  ]);
  return { organisations: rows, total: total?.count ?? 0 };
}

/** The organisations among these ids; ids that are not UUIDs (a tampered form) are ignored. */
export async function listOrganisationsByIds(db: DbOrTx, candidateIds: string[]) {
  const ids = candidateIds.filter(isUuid);
  if (ids.length === 0) return [];
  return db
    .select({
      id: organisations.id,
      name: organisations.name,
      kind: organisations.kind,
      place: organisations.place,
    })
    .from(organisations)
    .where(inArray(organisations.id, ids))
    .orderBy(asc(organisations.name));
}

/** Schools and boards matching a name or place, for pickers; a short list, never all. */
export async function searchOrganisations(db: DbOrTx, query: string, limit = 20) {
  const term = query.trim();
  if (term.length < 2) return [];
  return db
    .select({
      id: organisations.id,
      name: organisations.name,
      kind: organisations.kind,
      place: organisations.place,
    })
    .from(organisations)
    .where(or(ilike(organisations.name, `%${term}%`), ilike(organisations.place, `%${term}%`)))
    .orderBy(asc(organisations.name))
    .limit(limit);
}

export async function getOrganisation(db: DbOrTx, actor: MaybeActor, id: string) {
  const [organisation] = await db
    .select({
      id: organisations.id,
      kind: organisations.kind,
      name: organisations.name,
      brin: organisations.brin,
      sector: organisations.sector,
      place: organisations.place,
      regionId: organisations.regionId,
      regionName: regions.name,
      boardId: organisations.boardId,
    })
    .from(organisations)
    .leftJoin(regions, eq(regions.id, organisations.regionId))
    .where(eq(organisations.id, id));
  if (!organisation) notFound();
  const [board, schools, people] = await Promise.all([
    organisation.boardId
      ? db
          .select({ id: organisations.id, name: organisations.name })
          .from(organisations)
          .where(eq(organisations.id, organisation.boardId))
          .then((rows) => rows[0] ?? null)
      : null,
    db
      .select({
        id: organisations.id,
        name: organisations.name,
        place: organisations.place,
        sector: organisations.sector,
      })
      .from(organisations)
      .where(eq(organisations.boardId, organisation.id))
      .orderBy(asc(organisations.name)),
    canViewOrganisationPeople(actor)
      ? db
          .select({
            id: users.id,
            name: users.name,
            jobFunction: users.jobFunction,
            jobFunctionOther: users.jobFunctionOther,
            role: organisationMembers.role,
            team: organisationMembers.team,
          })
          .from(organisationMembers)
          .innerJoin(users, eq(users.id, organisationMembers.userId))
          .where(and(eq(organisationMembers.organisationId, id), sql`${users.disabledAt} is null`))
          .orderBy(asc(users.name))
      : null,
  ]);
  return {
    ...organisation,
    board,
    schools,
    people,
    canEdit: canEditOrganisation(actor, organisation),
    canChangeBoard: canChangeBoard(actor),
  };
}

export async function createOrganisation(
  db: Db,
  actor: MaybeActor,
  input: OrganisationInput & { kind: "school" | "board" },
) {
  authorize(canCreateOrganisation(actor));
  return db.transaction(async (tx) => {
    if (input.brin) {
      const [clash] = await tx
        .select({ id: organisations.id })
        .from(organisations)
        .where(sql`upper(${organisations.brin}) = ${input.brin}`);
      if (clash) throw new FieldError("brin", "error.brin.taken");
    }
    const [created] = await tx
      .insert(organisations)
      .values({
        kind: input.kind,
        name: input.name,
        brin: input.kind === "school" ? input.brin || null : null,
        sector: input.kind === "school" ? input.sector || null : null,
        place: input.place,
        regionId: input.regionId || null,
        boardId: input.kind === "school" ? input.boardId || null : null,
      })
      .returning({ id: organisations.id });
    return created?.id;
  });
}

/** A school's admins (and platform admins) make a colleague admin, or take it back. */
export async function setOrganisationRole(
  db: Db,
  actor: MaybeActor,
  organisationId: string,
  input: { userId: string; role: "member" | "admin" },
) {
  const [organisation] = await db
    .select({ id: organisations.id, boardId: organisations.boardId })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  if (!organisation) notFound();
  authorize(canEditOrganisation(actor, organisation));
  const updated = await db
    .update(organisationMembers)
    .set({ role: input.role })
    .where(
      and(
        eq(organisationMembers.organisationId, organisationId),
        eq(organisationMembers.userId, input.userId),
      ),
    )
    .returning({ userId: organisationMembers.userId });
  if (!updated.length) notFound();
}

/** School admins name the team or section a colleague works in (empty clears it). */
export async function setOrganisationTeam(
  db: Db,
  actor: MaybeActor,
  organisationId: string,
  input: { userId: string; team: string },
) {
  const [organisation] = await db
    .select({ id: organisations.id, boardId: organisations.boardId })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  if (!organisation) notFound();
  authorize(canEditOrganisation(actor, organisation));
  const updated = await db
    .update(organisationMembers)
    .set({ team: input.team.trim() || null })
    .where(
      and(
        eq(organisationMembers.organisationId, organisationId),
        eq(organisationMembers.userId, input.userId),
      ),
    )
    .returning({ userId: organisationMembers.userId });
  if (!updated.length) notFound();
}

export async function updateOrganisation(
  db: Db,
  actor: MaybeActor,
  id: string,
  input: OrganisationInput,
) {
  const [existing] = await db
    .select({ id: organisations.id, boardId: organisations.boardId, kind: organisations.kind })
    .from(organisations)
    .where(eq(organisations.id, id));
  if (!existing) notFound();
  authorize(canEditOrganisation(actor, existing));
  const boardId = canChangeBoard(actor) ? input.boardId || null : existing.boardId;
  if (boardId === id) throw new FieldError("boardId", "error.board.invalid");
  await db.transaction(async (tx) => {
    if (input.brin) {
      const [clash] = await tx
        .select({ id: organisations.id })
        .from(organisations)
        .where(
          and(sql`upper(${organisations.brin}) = ${input.brin}`, sql`${organisations.id} <> ${id}`),
        );
      if (clash) throw new FieldError("brin", "error.brin.taken");
    }
    await tx
      .update(organisations)
      .set({
        name: input.name,
        brin: input.brin || null,
        sector: input.sector || null,
        place: input.place,
        regionId: input.regionId || null,
        boardId: existing.kind === "school" ? boardId : null,
      })
      .where(eq(organisations.id, id));
  });
}

/**
 * Sets where a person works to exactly these organisations; admin roles on
 * organisations that stay are kept.
 */
export async function setWorkplaces(tx: DbOrTx, userId: string, organisationIds: string[]) {
  const known = organisationIds.length
    ? await tx
        .select({ id: organisations.id })
        .from(organisations)
        .where(inArray(organisations.id, organisationIds))
    : [];
  if (known.length !== new Set(organisationIds).size) {
    throw new FieldError("organisationIds", "error.organisation.invalid");
  }
  const current = await tx
    .select({ organisationId: organisationMembers.organisationId })
    .from(organisationMembers)
    .where(eq(organisationMembers.userId, userId));
  const currentIds = new Set(current.map((row) => row.organisationId));
  const wanted = new Set(organisationIds);
  const toRemove = [...currentIds].filter((orgId) => !wanted.has(orgId));
  const toAdd = [...wanted].filter((orgId) => !currentIds.has(orgId));
  if (toRemove.length) {
    await tx
      .delete(organisationMembers)
      .where(
        and(
          eq(organisationMembers.userId, userId),
          inArray(organisationMembers.organisationId, toRemove),
        ),
      );
  }
  if (toAdd.length) {
    await tx
      .insert(organisationMembers)
      .values(toAdd.map((organisationId) => ({ organisationId, userId, role: "member" as const })));
  }
}

export async function listWorkplaces(db: DbOrTx, userId: string) {
  return db
    .select({
      id: organisations.id,
      name: organisations.name,
      kind: organisations.kind,
      place: organisations.place,
      role: organisationMembers.role,
    })
    .from(organisationMembers)
    .innerJoin(organisations, eq(organisations.id, organisationMembers.organisationId))
    .where(eq(organisationMembers.userId, userId))
    .orderBy(asc(organisations.name));
}

export async function listCoordinatorships(db: DbOrTx, userId: string) {
  return db
    .select({ programmeName: programmes.name, regionName: regions.name })
    .from(programmeCoordinators)
    .innerJoin(programmes, eq(programmes.id, programmeCoordinators.programmeId))
    .leftJoin(regions, eq(regions.id, programmeCoordinators.regionId))
    .where(eq(programmeCoordinators.userId, userId));
}
