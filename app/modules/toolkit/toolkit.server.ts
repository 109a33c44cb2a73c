import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "#app/db/client.server.ts";
import {
  type agendaMeetings,
  expertiseTags,
  initiativeInvolvement,
  initiativeStepNotes,
  initiatives,
  initiativeThemes,
  networkMembers,
  organisationMembers,
  themeSchakels,
  themes,
  userExpertise,
  users,
} from "#app/db/schema/index.ts";
import { authorize, notFound } from "#app/platform/errors.ts";
import { FieldError } from "#app/platform/forms.ts";
import { isUuid } from "#app/platform/ids.ts";
import { confirmedWorkplace } from "../organisations/workplaces.server.ts";
import { type KnowledgeFacts, type Position, rankKnowsAbout } from "./knows-about.ts";
import type { AuthorizedSpace } from "./space-access.server.ts";
import { moveStep, type StepMove, stepNumber, stepsOf } from "./step-plans.ts";
import type { InitiativeInput, ThemeInput } from "./toolkit.schema.ts";

/** Which space a row belongs to: a school's or a network's. */
export type SpaceRef = Pick<AuthorizedSpace, "kind" | "id">;

/**
 * Authorise before validating: toolkit routes call this before they read the form, so a member
 * without the right gets the 403 (and an initiative of another space its 404), never the form's
 * field errors. An initiative of this space: everyone in it follows it (notes, interest, help,
 * pilot for oneself); moving its steps and placing others is for those who steer it.
 */
export async function initiativeRights(db: DbOrTx, space: AuthorizedSpace, initiativeId: string) {
  const { canSteer } = await loadInitiative(db, space, initiativeId);
  return { canSteer };
}

/** Moving its steps and placing others: its initiators and the space's keepers. */
export function requireSteer(rights: { canSteer: boolean }) {
  authorize(rights.canSteer);
}

/** The people of a space: a school's members or a network's active members. */
export async function spacePeople(db: DbOrTx, space: SpaceRef) {
  return space.kind === "network"
    ? db
        .select({ userId: users.id, name: users.name })
        .from(networkMembers)
        .innerJoin(users, eq(users.id, networkMembers.userId))
        .where(and(eq(networkMembers.networkId, space.id), eq(networkMembers.status, "active")))
        .orderBy(asc(users.name))
    : db
        .select({ userId: users.id, name: users.name })
        .from(organisationMembers)
        .innerJoin(users, eq(users.id, organisationMembers.userId))
        .where(and(eq(organisationMembers.organisationId, space.id), confirmedWorkplace))
        .orderBy(asc(users.name));
}

export const inSpace = (
  table: typeof initiatives | typeof themes | typeof agendaMeetings,
  space: SpaceRef,
) => and(eq(table.spaceKind, space.kind), eq(table.spaceId, space.id));

/** Initiatives and themes of a space; initiatives whose initiators all left are flagged. */
export async function spaceOverview(db: DbOrTx, space: AuthorizedSpace) {
  const people = await spacePeople(db, space);
  const present = new Set(people.map((p) => p.userId));
  const list = await db
    .select()
    .from(initiatives)
    .where(inSpace(initiatives, space))
    .orderBy(desc(initiatives.createdAt));
  const ids = list.map((i) => i.id);
  const involvement = ids.length
    ? await db
        .select({
          initiativeId: initiativeInvolvement.initiativeId,
          userId: initiativeInvolvement.userId,
          name: users.name,
          position: initiativeInvolvement.position,
          kind: initiativeInvolvement.kind,
        })
        .from(initiativeInvolvement)
        .innerJoin(users, eq(users.id, initiativeInvolvement.userId))
        .where(
          and(
            inArray(initiativeInvolvement.initiativeId, ids),
            isNull(initiativeInvolvement.until),
          ),
        )
    : [];
  const themeList = await db
    .select()
    .from(themes)
    .where(inSpace(themes, space))
    .orderBy(desc(themes.schoolYear), asc(themes.name));
  const links = ids.length
    ? await db.select().from(initiativeThemes).where(inArray(initiativeThemes.initiativeId, ids))
    : [];
  const schakels = themeList.length
    ? await db
        .select({ themeId: themeSchakels.themeId, userId: users.id, name: users.name })
        .from(themeSchakels)
        .innerJoin(users, eq(users.id, themeSchakels.userId))
        .where(
          inArray(
            themeSchakels.themeId,
            themeList.map((t) => t.id),
          ),
        )
    : [];
  return {
    people,
    initiatives: list.map((initiative) => {
      const current = involvement.filter((r) => r.initiativeId === initiative.id);
      const initiators = current.filter((r) => r.position === "i" && r.kind === "role");
      return {
        ...initiative,
        stepTitle: stepsOf(initiative.plan)[initiative.currentStep]?.title ?? "",
        stepNumber: stepNumber(initiative.plan, initiative.currentStep),
        stepCount: stepsOf(initiative.plan).length,
        initiators: initiators.map((r) => r.name),
        involved: current.length,
        orphaned: !initiative.completedAt && !initiators.some((r) => present.has(r.userId)),
        themeIds: links.filter((l) => l.initiativeId === initiative.id).map((l) => l.themeId),
      };
    }),
    themes: themeList.map((theme) => ({
      ...theme,
      schakels: schakels.filter((s) => s.themeId === theme.id).map((s) => s.name),
      initiativeIds: links.filter((l) => l.themeId === theme.id).map((l) => l.initiativeId),
    })),
  };
}

async function checkThemes(tx: DbOrTx, space: SpaceRef, themeIds: string[]) {
  if (!themeIds.length) return;
  const found = await tx
    .select({ id: themes.id })
    .from(themes)
    .where(and(inSpace(themes, space), inArray(themes.id, themeIds)));
  if (found.length !== new Set(themeIds).size)
    throw new FieldError("themeIds", "error.toolkit.theme");
}

/** Anyone in the space takes an initiative; they are its first initiatiefnemer. */
export async function createInitiative(db: Db, space: AuthorizedSpace, input: InitiativeInput) {
  const { actor } = space;
  return db.transaction(async (tx) => {
    await checkThemes(tx, space, input.themeIds);
    const [row] = await tx
      .insert(initiatives)
      .values({
        spaceKind: space.kind,
        spaceId: space.id,
        name: input.name,
        goal: input.goal,
        forWhom: input.forWhom,
        valueForOthers: input.valueForOthers,
        plan: input.plan,
        createdBy: actor.userId,
      })
      .returning({ id: initiatives.id });
    if (!row) throw new Error("initiative not saved");
    await tx
      .insert(initiativeInvolvement)
      .values({ initiativeId: row.id, userId: actor.userId, position: "i" });
    if (input.themeIds.length)
      await tx
        .insert(initiativeThemes)
        .values([...new Set(input.themeIds)].map((themeId) => ({ initiativeId: row.id, themeId })));
    return row.id;
  });
}

async function loadInitiative(db: DbOrTx, space: AuthorizedSpace, initiativeId: string) {
  if (!isUuid(initiativeId)) notFound();
  const [initiative] = await db
    .select()
    .from(initiatives)
    .where(and(eq(initiatives.id, initiativeId), inSpace(initiatives, space)));
  if (!initiative) notFound();
  const current = await db
    .select({
      id: initiativeInvolvement.id,
      userId: initiativeInvolvement.userId,
      name: users.name,
      position: initiativeInvolvement.position,
      kind: initiativeInvolvement.kind,
      note: initiativeInvolvement.note,
      since: initiativeInvolvement.since,
      until: initiativeInvolvement.until,
    })
    .from(initiativeInvolvement)
    .innerJoin(users, eq(users.id, initiativeInvolvement.userId))
    .where(eq(initiativeInvolvement.initiativeId, initiative.id))
    .orderBy(asc(initiativeInvolvement.since));
  const me = space.actor.userId;
  const isInitiator = current.some(
    (r) => r.userId === me && r.position === "i" && r.kind === "role" && !r.until,
  );
  return {
    initiative,
    involvement: current,
    isInitiator,
    canSteer: isInitiator || space.isKeeper,
  };
}

export async function getInitiative(db: DbOrTx, space: AuthorizedSpace, initiativeId: string) {
  const loaded = await loadInitiative(db, space, initiativeId);
  const notes = await db
    .select({
      id: initiativeStepNotes.id,
      step: initiativeStepNotes.step,
      note: initiativeStepNotes.note,
      authorName: users.name,
      createdAt: initiativeStepNotes.createdAt,
    })
    .from(initiativeStepNotes)
    .leftJoin(users, eq(users.id, initiativeStepNotes.authorId))
    .where(eq(initiativeStepNotes.initiativeId, loaded.initiative.id))
    .orderBy(asc(initiativeStepNotes.createdAt));
  const linked = await db
    .select({ id: themes.id, name: themes.name })
    .from(initiativeThemes)
    .innerJoin(themes, eq(themes.id, initiativeThemes.themeId))
    .where(eq(initiativeThemes.initiativeId, loaded.initiative.id));
  const present = new Set((await spacePeople(db, space)).map((p) => p.userId));
  const active = loaded.involvement.filter((r) => !r.until);
  return {
    ...loaded,
    steps: stepsOf(loaded.initiative.plan).map((step, i) => ({
      ...step,
      number: stepNumber(loaded.initiative.plan, i),
    })),
    notes,
    themes: linked,
    current: active,
    history: loaded.involvement.filter((r) => r.until),
    orphaned:
      !loaded.initiative.completedAt &&
      !active.some((r) => r.position === "i" && r.kind === "role" && present.has(r.userId)),
    me: space.actor.userId,
  };
}

export async function moveInitiative(
  db: Db,
  space: AuthorizedSpace,
  initiativeId: string,
  move: StepMove,
) {
  const { initiative, canSteer } = await loadInitiative(db, space, initiativeId);
  authorize(canSteer);
  const next = moveStep(
    initiative.plan,
    { currentStep: initiative.currentStep, completed: !!initiative.completedAt },
    move,
  );
  if ("error" in next) throw new FieldError("form", next.error);
  await db
    .update(initiatives)
    .set({ currentStep: next.currentStep, completedAt: next.completed ? new Date() : null })
    .where(eq(initiatives.id, initiative.id));
}

/** A note on the step the initiative is at (anyone involved or not: the school follows along). */
export async function addStepNote(
  db: Db,
  space: AuthorizedSpace,
  initiativeId: string,
  note: string,
) {
  const { initiative } = await loadInitiative(db, space, initiativeId);
  await db.insert(initiativeStepNotes).values({
    initiativeId: initiative.id,
    step: initiative.currentStep,
    note,
    authorId: space.actor.userId,
  });
}

/** Change a person's position (or add them): the old row closes, so the history stays. */
export async function setInvolvement(
  db: Db,
  space: AuthorizedSpace,
  initiativeId: string,
  input: {
    userId: string;
    position: Position | "none";
    kind: "role" | "interest" | "help" | "pilot";
    note: string;
  },
) {
  const { actor } = space;
  await db.transaction(async (tx) => {
    const { initiative, canSteer } = await loadInitiative(tx, space, initiativeId);
    // Showing interest, offering help, joining the pilot: for oneself. Placing others: initiators.
    if (input.userId !== actor.userId || input.kind === "role") authorize(canSteer);
    const people = await spacePeople(tx, space);
    if (!people.some((p) => p.userId === input.userId))
      throw new FieldError("userId", "error.toolkit.person");
    const now = new Date();
    await tx
      .update(initiativeInvolvement)
      .set({ until: now })
      .where(
        and(
          eq(initiativeInvolvement.initiativeId, initiative.id),
          eq(initiativeInvolvement.userId, input.userId),
          isNull(initiativeInvolvement.until),
        ),
      );
    if (input.position !== "none")
      await tx.insert(initiativeInvolvement).values({
        initiativeId: initiative.id,
        userId: input.userId,
        position: input.position,
        kind: input.kind,
        note: input.note,
        since: now,
      });
  });
}

export async function createTheme(db: Db, space: AuthorizedSpace, input: ThemeInput) {
  const { actor } = space;
  return db.transaction(async (tx) => {
    const people = await spacePeople(tx, space);
    if (!input.schakelIds.every((id) => people.some((p) => p.userId === id)))
      throw new FieldError("schakelIds", "error.toolkit.person");
    const linked = input.initiativeIds.length
      ? await tx
          .select({ id: initiatives.id })
          .from(initiatives)
          .where(and(inSpace(initiatives, space), inArray(initiatives.id, input.initiativeIds)))
      : [];
    if (linked.length !== new Set(input.initiativeIds).size)
      throw new FieldError("initiativeIds", "error.toolkit.initiative");
    const [row] = await tx
      .insert(themes)
      .values({
        spaceKind: space.kind,
        spaceId: space.id,
        name: input.name,
        kind: input.kind,
        description: input.description,
        schoolYear: input.schoolYear,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        renewedFromId: input.renewedFromId ?? null,
        createdBy: actor.userId,
      })
      .returning({ id: themes.id });
    if (!row) throw new Error("theme not saved");
    if (input.schakelIds.length)
      await tx
        .insert(themeSchakels)
        .values([...new Set(input.schakelIds)].map((userId) => ({ themeId: row.id, userId })));
    // "Niet problematiseren maar thematiseren": related initiatives bundled under the new theme.
    if (input.initiativeIds.length)
      await tx
        .insert(initiativeThemes)
        .values(
          [...new Set(input.initiativeIds)].map((initiativeId) => ({
            initiativeId,
            themeId: row.id,
          })),
        )
        .onConflictDoNothing();
    return row.id;
  });
}

/**
 * The clean slate of chapter 4: at the start of a school year every open theme of earlier years
 * is closed, or deliberately renewed for the new year (same name, kind and schakels, pointing
 * back to the old one so its knowledge comes back). All decisions or none.
 */
export async function cleanSlate(
  db: Db,
  space: AuthorizedSpace,
  newYear: string,
  decisions: Record<string, "close" | "renew">,
) {
  const { actor } = space;
  return db.transaction(async (tx) => {
    authorize(space.isKeeper);
    const open = await tx
      .select()
      .from(themes)
      .where(
        and(
          inSpace(themes, space),
          isNull(themes.closedAt),
          sql`${themes.schoolYear} < ${newYear}`,
        ),
      );
    const undecided = open.filter((t) => !decisions[t.id]);
    if (undecided.length) throw new FieldError("form", "error.toolkit.undecided");
    const now = new Date();
    let renewed = 0;
    for (const theme of open) {
      await tx.update(themes).set({ closedAt: now }).where(eq(themes.id, theme.id));
      if (decisions[theme.id] !== "renew") continue;
      const [copy] = await tx
        .insert(themes)
        .values({
          spaceKind: theme.spaceKind,
          spaceId: theme.spaceId,
          name: theme.name,
          kind: theme.kind,
          description: theme.description,
          schoolYear: newYear,
          renewedFromId: theme.id,
          createdBy: actor.userId,
        })
        .returning({ id: themes.id });
      const schakels = await tx
        .select({ userId: themeSchakels.userId })
        .from(themeSchakels)
        .where(eq(themeSchakels.themeId, theme.id));
      if (copy && schakels.length)
        await tx
          .insert(themeSchakels)
          .values(schakels.map((s) => ({ themeId: copy.id, userId: s.userId })));
      renewed++;
    }
    return { closed: open.length - renewed, renewed };
  });
}

/** Open themes from before this school year: what the clean slate has to decide on. */
export async function themesToDecide(db: DbOrTx, space: AuthorizedSpace, newYear: string) {
  return db
    .select()
    .from(themes)
    .where(
      and(inSpace(themes, space), isNull(themes.closedAt), sql`${themes.schoolYear} < ${newYear}`),
    )
    .orderBy(asc(themes.name));
}

/** "Wie weet iets van …?" within a space: people, initiatives and themes, each with why. */
export async function knowsAbout(db: DbOrTx, space: AuthorizedSpace, query: string) {
  if (!query.trim()) return [];
  const people = await spacePeople(db, space);
  const ids = people.map((p) => p.userId);
  const tags = ids.length
    ? await db
        .select({ userId: userExpertise.userId, tag: expertiseTags.name })
        .from(userExpertise)
        .innerJoin(expertiseTags, eq(expertiseTags.id, userExpertise.tagId))
        .where(inArray(userExpertise.userId, ids))
    : [];
  const initiativeRows = await db.select().from(initiatives).where(inSpace(initiatives, space));
  const themeRows = await db.select().from(themes).where(inSpace(themes, space));
  const initiativeIds = initiativeRows.map((i) => i.id);
  const themeIds = themeRows.map((t) => t.id);
  const involvement = initiativeIds.length
    ? await db
        .select()
        .from(initiativeInvolvement)
        .where(
          and(
            inArray(initiativeInvolvement.initiativeId, initiativeIds),
            isNull(initiativeInvolvement.until),
          ),
        )
    : [];
  const schakels = themeIds.length
    ? await db.select().from(themeSchakels).where(inArray(themeSchakels.themeId, themeIds))
    : [];
  const links = initiativeIds.length
    ? await db
        .select()
        .from(initiativeThemes)
        .where(inArray(initiativeThemes.initiativeId, initiativeIds))
    : [];
  const initiativeName = new Map(initiativeRows.map((i) => [i.id, i.name]));
  const themeName = new Map(themeRows.map((t) => [t.id, t.name]));
  const facts: KnowledgeFacts = {
    people: people.map((person) => ({
      userId: person.userId,
      name: person.name,
      tags: tags.filter((t) => t.userId === person.userId).map((t) => t.tag),
      involvement: involvement
        .filter((r) => r.userId === person.userId)
        .map((r) => ({
          initiativeId: r.initiativeId,
          initiative: initiativeName.get(r.initiativeId) ?? "",
          position: r.position,
        })),
      schakelOf: schakels
        .filter((s) => s.userId === person.userId)
        .map((s) => ({ themeId: s.themeId, theme: themeName.get(s.themeId) ?? "" })),
    })),
    initiatives: initiativeRows.map((i) => ({
      id: i.id,
      name: i.name,
      goal: i.goal,
      themes: links
        .filter((l) => l.initiativeId === i.id)
        .map((l) => themeName.get(l.themeId) ?? ""),
    })),
    themes: themeRows.map((t) => ({
      id: t.id,
      name: t.name,
      description: t.description,
      closed: !!t.closedAt,
      initiativeIds: links.filter((l) => l.themeId === t.id).map((l) => l.initiativeId),
    })),
  };
  return rankKnowsAbout(facts, query).slice(0, 50);
}
