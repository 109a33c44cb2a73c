import { and, asc, count, eq, ilike, inArray, or, sql } from "drizzle-orm";
import { publicBaseUrl } from "#app/core/env.server.ts";
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
import { sendTemplatedMail } from "#app/platform/mailer.server.ts";
import type { Page } from "#app/platform/paging.ts";
import {
  canChangeBoard,
  canCreateOrganisation,
  canDecideWorkplaceRequests,
  canEditOrganisation,
  canViewOrganisationPeople,
  type OrganisationRef,
} from "./organisations.policy.ts";
import type { OrganisationInput } from "./organisations.schema.ts";

/**
 * The condition every query must add when a workplace means something (a grant, a school's
 * space, its people): a claim only counts once the school confirmed it.
 */
export const confirmedWorkplace = eq(organisationMembers.status, "confirmed");

/** School and programme roles of a user, as grants for the actor. */
async function loadGrants(db: DbOrTx, userId: string): Promise<RoleGrant[]> {
  const [memberships, coordinatorships] = await Promise.all([
    db
      .select({
        organisationId: organisationMembers.organisationId,
        role: organisationMembers.role,
      })
      .from(organisationMembers)
      .where(and(eq(organisationMembers.userId, userId), confirmedWorkplace)),
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
  const decides = canDecideWorkplaceRequests(actor, organisation);
  const [board, schools, people, requests, myRequest] = await Promise.all([
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
          .where(
            and(
              eq(organisationMembers.organisationId, id),
              confirmedWorkplace,
              sql`${users.disabledAt} is null`,
            ),
          )
          .orderBy(asc(users.name))
      : null,
    // The e-mail address is shown to whoever decides, so two people of the same name can be told apart.
    decides
      ? db
          .select({
            id: users.id,
            name: users.name,
            email: users.email,
            jobFunction: users.jobFunction,
            jobFunctionOther: users.jobFunctionOther,
            requestedAt: organisationMembers.createdAt,
          })
          .from(organisationMembers)
          .innerJoin(users, eq(users.id, organisationMembers.userId))
          .where(
            and(
              eq(organisationMembers.organisationId, id),
              eq(organisationMembers.status, "requested"),
              sql`${users.disabledAt} is null`,
            ),
          )
          .orderBy(asc(organisationMembers.createdAt), asc(users.name))
      : null,
    actor
      ? db
          .select({ userId: organisationMembers.userId })
          .from(organisationMembers)
          .where(
            and(
              eq(organisationMembers.organisationId, id),
              eq(organisationMembers.userId, actor.userId),
              eq(organisationMembers.status, "requested"),
            ),
          )
          .then((rows) => rows.length > 0)
      : false,
  ]);
  return {
    ...organisation,
    board,
    schools,
    people,
    /** claims waiting for this school's decision; null for whoever does not decide */
    requests,
    /** the actor said they work here and waits for the school */
    myRequest,
    canEdit: canEditOrganisation(actor, organisation),
    canChangeBoard: canChangeBoard(actor),
  };
}

/*
 * Authorise before validating (as network-access.server.ts): the organisation routes run the
 * command's own policy before they parse the form, so someone without the right gets the 403
 * (404 for an organisation that is not there, or the page only admins know) and not field errors.
 */

/** New schools and boards: platform admins; for others the page does not exist. */
export function assertCanCreateOrganisation(actor: MaybeActor) {
  authorize(canCreateOrganisation(actor), "not-found");
}

/** Editing, roles and teams (canEditOrganisation) or workplace requests, as the command checks. */
export async function assertOrganisationRight(
  db: DbOrTx,
  actor: MaybeActor,
  organisationId: string,
  allowed: (actor: MaybeActor, organisation: OrganisationRef) => boolean,
) {
  if (!isUuid(organisationId)) notFound();
  const [organisation] = await db
    .select({ id: organisations.id, boardId: organisations.boardId })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  if (!organisation) notFound();
  authorize(allowed(actor, organisation));
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
        confirmedWorkplace,
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
        confirmedWorkplace,
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
 * Sets where a person says they work to exactly these organisations. A new one is a request
 * the school's admins are told about and must confirm; organisations that stay keep their
 * status and admin role. Taking one off needs nobody's approval.
 */
export async function setWorkplaces(
  tx: DbOrTx,
  userId: string,
  organisationIds: string[],
  mail: { baseUrl: string } = { baseUrl: publicBaseUrl() },
) {
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
    await tx.insert(organisationMembers).values(
      toAdd.map((organisationId) => ({
        organisationId,
        userId,
        role: "member" as const,
        status: "requested" as const,
      })),
    );
    await mailRequestToAdmins(tx, userId, toAdd, mail);
  }
}

/** Tells a school's admins (confirmed ones) that someone asks to be counted as working there. */
async function mailRequestToAdmins(
  tx: DbOrTx,
  userId: string,
  organisationIds: string[],
  mail: { baseUrl: string },
) {
  const [requester] = await tx.select({ name: users.name }).from(users).where(eq(users.id, userId));
  if (!requester) return;
  const admins = await tx
    .select({
      organisationId: organisations.id,
      school: organisations.name,
      name: users.name,
      email: users.email,
      locale: users.locale,
    })
    .from(organisationMembers)
    .innerJoin(users, eq(users.id, organisationMembers.userId))
    .innerJoin(organisations, eq(organisations.id, organisationMembers.organisationId))
    .where(
      and(
        inArray(organisationMembers.organisationId, organisationIds),
        eq(organisationMembers.role, "admin"),
        confirmedWorkplace,
        sql`${users.disabledAt} is null`,
      ),
    );
  for (const admin of admins) {
    await sendTemplatedMail(tx, admin, "mail.workplaceRequested", {
      name: admin.name,
      requester: requester.name,
      school: admin.school,
      link: `${mail.baseUrl}/organisaties/${admin.organisationId}#aanvragen`,
    });
  }
}

/**
 * The one place a claim becomes a right, without asking who decides: confirmWorkplace calls it
 * once the school's admins agree, and the school's SSO will call it when a login proves the
 * person works there. False when there was no open claim.
 */
async function markWorkplaceConfirmed(
  tx: DbOrTx,
  organisationId: string,
  userId: string,
): Promise<boolean> {
  const updated = await tx
    .update(organisationMembers)
    .set({ status: "confirmed" })
    .where(pendingRequest(organisationId, userId))
    .returning({ userId: organisationMembers.userId });
  return updated.length > 0;
}

/** The one row of a claim that still waits for the school. */
const pendingRequest = (organisationId: string, userId: string) =>
  and(
    eq(organisationMembers.organisationId, organisationId),
    eq(organisationMembers.userId, userId),
    eq(organisationMembers.status, "requested"),
  );

async function decidableRequest(
  tx: DbOrTx,
  actor: MaybeActor,
  organisationId: string,
  userId: string,
) {
  if (!isUuid(organisationId) || !isUuid(userId)) notFound();
  const [organisation] = await tx
    .select({ id: organisations.id, boardId: organisations.boardId, name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  if (!organisation) notFound();
  authorize(canDecideWorkplaceRequests(actor, organisation));
  const [requester] = await tx
    .select({ name: users.name, email: users.email, locale: users.locale })
    .from(organisationMembers)
    .innerJoin(users, eq(users.id, organisationMembers.userId))
    .where(pendingRequest(organisationId, userId))
    .for("update", { of: organisationMembers });
  if (!requester) notFound();
  return { organisation, requester };
}

/** The school's admins (or a platform admin) confirm that someone works there; they are told by mail. */
export async function confirmWorkplace(
  db: Db,
  actor: MaybeActor,
  organisationId: string,
  input: { userId: string },
  mail: { baseUrl: string },
) {
  await db.transaction(async (tx) => {
    const { organisation, requester } = await decidableRequest(
      tx,
      actor,
      organisationId,
      input.userId,
    );
    await markWorkplaceConfirmed(tx, organisationId, input.userId);
    await sendTemplatedMail(tx, requester, "mail.workplaceConfirmed", {
      name: requester.name,
      school: organisation.name,
      link: `${mail.baseUrl}/organisaties/${organisationId}`,
    });
  });
}

/** Declining removes the claim (the person may ask again); they are told by mail. */
export async function declineWorkplace(
  db: Db,
  actor: MaybeActor,
  organisationId: string,
  input: { userId: string },
) {
  await db.transaction(async (tx) => {
    const { organisation, requester } = await decidableRequest(
      tx,
      actor,
      organisationId,
      input.userId,
    );
    await tx.delete(organisationMembers).where(pendingRequest(organisationId, input.userId));
    await sendTemplatedMail(tx, requester, "mail.workplaceDeclined", {
      name: requester.name,
      school: organisation.name,
    });
  });
}

/**
 * Where a person works: confirmed workplaces for everyone, and to the person themselves also
 * the ones they asked for and that wait for the school.
 */
export async function listWorkplaces(db: DbOrTx, actor: Actor, userId: string) {
  return db
    .select({
      id: organisations.id,
      name: organisations.name,
      kind: organisations.kind,
      place: organisations.place,
      role: organisationMembers.role,
      status: organisationMembers.status,
    })
    .from(organisationMembers)
    .innerJoin(organisations, eq(organisations.id, organisationMembers.organisationId))
    .where(
      and(
        eq(organisationMembers.userId, userId),
        actor.userId === userId ? undefined : confirmedWorkplace,
      ),
    )
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
