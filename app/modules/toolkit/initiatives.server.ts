import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Db, DbOrTx } from "#app/db/client.server.ts";
import {
  initiativeInvolvement,
  initiativeStepNotes,
  initiatives,
  initiativeThemes,
  themes,
  users,
} from "#app/db/schema/index.ts";
import { authorize, notFound } from "#app/platform/errors.ts";
import { FieldError } from "#app/platform/forms.ts";
import { isUuid } from "#app/platform/ids.ts";
import type { Position } from "./knows-about.ts";
import type { AuthorizedSpace } from "./space-access.server.ts";
import { moveStep, type StepMove, stepNumber, stepsOf } from "./step-plans.ts";
import { inSpace, type SpaceRef } from "./toolkit.internal.ts";
import type { InitiativeInput } from "./toolkit.schema.ts";
import { spacePeople } from "./toolkit.server.ts";

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
