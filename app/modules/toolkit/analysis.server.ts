import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "#app/db/client.server.ts";
import {
  analysisItems,
  analysisLinks,
  analysisPositions,
  initiatives,
  networkAnalyses,
  themes,
  users,
} from "#app/db/schema/index.ts";
import { csvDocument } from "#app/platform/csv.ts";
import { notFound } from "#app/platform/errors.ts";
import { FieldError } from "#app/platform/forms.ts";
import { isUuid } from "#app/platform/ids.ts";
import { sendTemplatedMail } from "#app/platform/mailer.server.ts";
import type { Position } from "./knows-about.ts";

import type { AuthorizedSpace } from "./space-access.server.ts";
import { inSpace } from "./toolkit.internal.ts";
import { spacePeople } from "./toolkit.server.ts";

export async function listAnalyses(db: DbOrTx, space: AuthorizedSpace) {
  return db
    .select()
    .from(networkAnalyses)
    .where(and(eq(networkAnalyses.spaceKind, space.kind), eq(networkAnalyses.spaceId, space.id)))
    .orderBy(desc(networkAnalyses.createdAt));
}

/** Step 1: the initiative or theme in the middle. */
export async function startAnalysis(
  db: Db,
  space: AuthorizedSpace,
  about: { initiativeId: string | null; themeId: string | null },
) {
  const table = about.initiativeId ? initiatives : themes;
  const id = about.initiativeId ?? about.themeId;
  const [found] = id
    ? await db
        .select({ name: table.name })
        .from(table)
        .where(and(eq(table.id, id), inSpace(table, space)))
    : [];
  if (!found) throw new FieldError("about", "error.analysis.about");
  const centre = found.name;
  const [row] = await db
    .insert(networkAnalyses)
    .values({
      spaceKind: space.kind,
      spaceId: space.id,
      ...about,
      centre,
      createdBy: space.actor.userId,
    })
    .returning({ id: networkAnalyses.id });
  return row?.id ?? "";
}

async function loadAnalysis(db: DbOrTx, space: AuthorizedSpace, analysisId: string) {
  if (!isUuid(analysisId)) notFound();
  const [analysis] = await db
    .select()
    .from(networkAnalyses)
    .where(
      and(
        eq(networkAnalyses.id, analysisId),
        eq(networkAnalyses.spaceKind, space.kind),
        eq(networkAnalyses.spaceId, space.id),
      ),
    );
  if (!analysis) notFound();
  return analysis;
}

/**
 * Every change raises the analysis's revision in its own transaction: the row lock queues
 * concurrent editors, so each revision holds every change before it.
 */
async function bump(tx: DbOrTx, analysisId: string) {
  await tx
    .update(networkAnalyses)
    .set({ revision: sql`${networkAnalyses.revision} + 1` })
    .where(eq(networkAnalyses.id, analysisId));
}

/** Authorise before validating: an analysis of this space, open to everyone in it. */
export async function requireAnalysis(db: DbOrTx, space: AuthorizedSpace, analysisId: string) {
  await loadAnalysis(db, space, analysisId);
}

export async function getAnalysis(db: DbOrTx, space: AuthorizedSpace, analysisId: string) {
  // The revision is read (in loadAnalysis) before the items, so the items are never older than
  // the revision they are shown with: a later revision from polling can only add to them.
  const analysis = await loadAnalysis(db, space, analysisId);
  const items = await db
    .select({
      id: analysisItems.id,
      kind: analysisItems.kind,
      label: analysisItems.label,
      category: analysisItems.category,
      userId: analysisItems.userId,
      personName: users.name,
      story: analysisItems.story,
      email: analysisItems.email,
      invitedAt: analysisItems.invitedAt,
      x: analysisItems.x,
      y: analysisItems.y,
    })
    .from(analysisItems)
    .leftJoin(users, eq(users.id, analysisItems.userId))
    .where(eq(analysisItems.analysisId, analysis.id))
    .orderBy(asc(analysisItems.createdAt));
  const ids = items.map((i) => i.id);
  const links = ids.length
    ? await db.select().from(analysisLinks).where(inArray(analysisLinks.schakelId, ids))
    : [];
  const positions = ids.length
    ? await db
        .select()
        .from(analysisPositions)
        .where(inArray(analysisPositions.itemId, ids))
        .orderBy(asc(analysisPositions.since))
    : [];
  return {
    analysis,
    people: await spacePeople(db, space),
    items: items.map((item) => ({
      ...item,
      position: (positions.find((p) => p.itemId === item.id && !p.until)?.position ??
        null) as Position | null,
      positionHistory: positions.filter((p) => p.itemId === item.id && p.until),
      linkedTo: links.filter((l) => l.schakelId === item.id).map((l) => l.ingredientId),
    })),
  };
}

/** Step 2 (ingredients, brainstorm first) and step 3 (schakels, named, linked to real people). */
export async function addItem(
  db: Db,
  space: AuthorizedSpace,
  analysisId: string,
  input: {
    kind: "ingredient" | "schakel";
    label: string;
    category: string;
    userId: string | null;
    ingredientIds: string[];
  },
) {
  return db.transaction(async (tx) => {
    const analysis = await loadAnalysis(tx, space, analysisId);
    let label = input.label;
    if (input.kind === "schakel" && input.userId) {
      const person = (await spacePeople(tx, space)).find((p) => p.userId === input.userId);
      if (!person) throw new FieldError("userId", "error.toolkit.person");
      label ||= person.name;
    }
    if (input.kind === "schakel" && !label)
      throw new FieldError("label", "error.analysis.schakelName");
    const [row] = await tx
      .insert(analysisItems)
      .values({
        analysisId: analysis.id,
        kind: input.kind,
        label,
        category: input.kind === "ingredient" ? input.category : "persoon",
        userId: input.kind === "schakel" ? input.userId : null,
        createdBy: space.actor.userId,
      })
      .returning({ id: analysisItems.id });
    if (!row) throw new Error("item not saved");
    if (input.kind === "schakel" && input.ingredientIds.length) {
      const own = await tx
        .select({ id: analysisItems.id })
        .from(analysisItems)
        .where(
          and(
            eq(analysisItems.analysisId, analysis.id),
            eq(analysisItems.kind, "ingredient"),
            inArray(analysisItems.id, input.ingredientIds),
          ),
        );
      if (own.length !== new Set(input.ingredientIds).size)
        throw new FieldError("ingredientIds", "error.analysis.ingredient");
      await tx
        .insert(analysisLinks)
        .values(own.map((i) => ({ schakelId: row.id, ingredientId: i.id })));
    }
    await bump(tx, analysis.id);
    return row.id;
  });
}

async function loadItem(db: DbOrTx, analysisId: string, itemId: string) {
  if (!isUuid(itemId)) notFound();
  const [item] = await db
    .select()
    .from(analysisItems)
    .where(and(eq(analysisItems.id, itemId), eq(analysisItems.analysisId, analysisId)));
  if (!item) notFound();
  return item;
}

/** Dragging a node stores where it was put; the picture is the same for everyone. */
export async function moveItem(
  db: Db,
  space: AuthorizedSpace,
  analysisId: string,
  itemId: string,
  point: { x: number; y: number },
) {
  const analysis = await loadAnalysis(db, space, analysisId);
  const item = await loadItem(db, analysis.id, itemId);
  await db.transaction(async (tx) => {
    await tx
      .update(analysisItems)
      .set({ x: Math.round(point.x), y: Math.round(point.y) })
      .where(eq(analysisItems.id, item.id));
    await bump(tx, analysis.id);
  });
}

/** Step 4: the story per schakel and the contact prepared; step 5: the position, with history. */
export async function updateSchakel(
  db: Db,
  space: AuthorizedSpace,
  analysisId: string,
  itemId: string,
  input: { label: string; story: string; email: string; position: Position | null },
) {
  await db.transaction(async (tx) => {
    const analysis = await loadAnalysis(tx, space, analysisId);
    const item = await loadItem(tx, analysis.id, itemId);
    if (item.kind === "schakel" && !input.label)
      throw new FieldError("label", "error.analysis.schakelName");
    await tx
      .update(analysisItems)
      .set({ label: input.label || item.label, story: input.story, email: input.email })
      .where(eq(analysisItems.id, item.id));
    await bump(tx, analysis.id);
    const [current] = await tx
      .select()
      .from(analysisPositions)
      .where(and(eq(analysisPositions.itemId, item.id), isNull(analysisPositions.until)));
    if ((current?.position ?? null) === input.position) return;
    const now = new Date();
    if (current)
      await tx
        .update(analysisPositions)
        .set({ until: now })
        .where(eq(analysisPositions.id, current.id));
    if (input.position)
      await tx
        .insert(analysisPositions)
        .values({ itemId: item.id, position: input.position, since: now });
  });
}

export async function removeItem(
  db: Db,
  space: AuthorizedSpace,
  analysisId: string,
  itemId: string,
) {
  const analysis = await loadAnalysis(db, space, analysisId);
  const item = await loadItem(db, analysis.id, itemId);
  await db.transaction(async (tx) => {
    await tx.delete(analysisItems).where(eq(analysisItems.id, item.id));
    await bump(tx, analysis.id);
  });
}

/** Step 4: invite the schakel by e-mail, with their story. */
export async function inviteSchakel(
  db: Db,
  space: AuthorizedSpace,
  analysisId: string,
  itemId: string,
  link: string,
) {
  const analysis = await loadAnalysis(db, space, analysisId);
  const item = await loadItem(db, analysis.id, itemId);
  let email = item.email;
  let locale = "nl";
  if (item.userId) {
    const [person] = await db.select().from(users).where(eq(users.id, item.userId));
    email ||= person?.email ?? "";
    locale = person?.locale ?? "nl";
  }
  if (!email) throw new FieldError("email", "error.analysis.email");
  if (!item.story.trim()) throw new FieldError("story", "error.analysis.story");
  const [sender] = await db
    .select({ name: users.name })
    .from(users)
    .where(eq(users.id, space.actor.userId));
  await sendTemplatedMail(db, { email, locale }, "mail.analysisInvite", {
    name: item.label,
    sender: sender?.name ?? "",
    centre: analysis.centre,
    story: item.story,
    link,
  });
  await db.transaction(async (tx) => {
    await tx
      .update(analysisItems)
      .set({ invitedAt: new Date() })
      .where(eq(analysisItems.id, item.id));
    await bump(tx, analysis.id);
  });
}

/** The analysis as a table (CSV, for a spreadsheet): one row per ingredient and schakel. */
export async function analysisTable(db: DbOrTx, space: AuthorizedSpace, analysisId: string) {
  const view = await getAnalysis(db, space, analysisId);
  const labelOf = new Map(view.items.map((i) => [i.id, i.label]));
  const lines = [
    ["soort", "naam", "categorie", "persoon", "positie", "verbonden met", "verhaal", "uitgenodigd"],
    ...view.items.map((item) => [
      item.kind,
      item.label,
      item.category,
      item.personName ?? "",
      item.position ?? "",
      item.linkedTo.map((id) => labelOf.get(id) ?? "").join("; "),
      item.story,
      item.invitedAt ? item.invitedAt.toISOString().slice(0, 10) : "",
    ]),
  ];
  return {
    name: view.analysis.centre,
    csv: csvDocument(lines),
  };
}
