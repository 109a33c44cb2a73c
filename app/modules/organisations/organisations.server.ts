import { and, asc, count, eq, inArray, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "#app/db/client.server.ts";
import { organisationMembers, organisations, regions, users } from "#app/db/schema/index.ts";
import { containsText } from "#app/db/schema/search.ts";
import type { MaybeActor } from "#app/platform/actor.ts";
import { authorize, notFound } from "#app/platform/errors.ts";
import { FieldError } from "#app/platform/forms.ts";
import { isUuid } from "#app/platform/ids.ts";
import { cappedTotal, countCap, type Page, pageOf } from "#app/platform/paging.ts";
import {
  canChangeBoard,
  canCreateOrganisation,
  canDecideWorkplaceRequests,
  canEditOrganisation,
  canViewOrganisationPeople,
  type OrganisationRef,
} from "./organisations.policy.ts";
import type { OrganisationInput } from "./organisations.schema.ts";
import { confirmedWorkplace } from "./workplaces.server.ts";

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

/** Name or place contains the words, ignoring case and accents (search_text holds both). */
const nameOrPlaceContains = (text: string) => containsText(organisations.searchText, text);

export async function listOrganisations(db: DbOrTx, input: { query?: string; page: Page }) {
  const query = input.query?.trim();
  const where = query ? nameOrPlaceContains(query) : undefined;
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
      .orderBy(asc(organisations.kind), asc(organisations.name), asc(organisations.id))
      .limit(input.page.perPage + 1)
      .offset(input.page.offset),
    db.select({ count: count() }).from(
      db
        .select({ one: sql`1` })
        .from(organisations)
        .where(where)
        .limit(countCap + 1)
        .as("capped"),
    ),
  ]);
  const { rows: shown, hasNext } = pageOf(rows, input.page);
  return { organisations: shown, total: cappedTotal(total?.count ?? 0), hasNext };
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
    .where(nameOrPlaceContains(term))
    .orderBy(asc(organisations.name))
    .limit(limit);
}

export async function getOrganisation(db: DbOrTx, actor: MaybeActor, id: string) {
  if (!isUuid(id)) notFound();
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
            avatarFileId: users.avatarFileId,
            role: organisationMembers.role,
            team: organisationMembers.team,
            /** when the row was made: the claim, or the SSO login that proved it */
            since: organisationMembers.createdAt,
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

/**
 * School admins put several colleagues in one team at once (empty takes them out of any team).
 * All or nothing: one person who does not (or no longer) work here refuses the whole batch, so
 * the admin never has to work out which half went through.
 */
export async function setOrganisationTeamFor(
  db: Db,
  actor: MaybeActor,
  organisationId: string,
  input: { userIds: string[]; team: string },
) {
  if (!isUuid(organisationId)) notFound();
  const userIds = [...new Set(input.userIds)];
  if (!userIds.length) throw new FieldError("userIds", "error.org.people.none");
  await db.transaction(async (tx) => {
    const [organisation] = await tx
      .select({ id: organisations.id, boardId: organisations.boardId })
      .from(organisations)
      .where(eq(organisations.id, organisationId));
    if (!organisation) notFound();
    authorize(canEditOrganisation(actor, organisation));
    const updated = await tx
      .update(organisationMembers)
      .set({ team: input.team.trim() || null })
      .where(
        and(
          eq(organisationMembers.organisationId, organisationId),
          inArray(organisationMembers.userId, userIds),
          confirmedWorkplace,
        ),
      )
      .returning({ userId: organisationMembers.userId });
    // Throwing inside the transaction undoes the rows already changed.
    if (updated.length !== userIds.length) {
      throw new FieldError("userIds", "error.org.people.notHere");
    }
  });
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
