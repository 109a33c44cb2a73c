import { and, asc, desc, eq, inArray, ne, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "#app/db/client.server.ts";
import {
  initiatives,
  initiativeThemes,
  kenniswebItems,
  networkProgrammes,
  newsletterIssues,
  programmeActivities,
  programmeActivityKinds,
  programmePilots,
  programmeSignups,
  storedFiles,
  themeAnalyses,
  themeMoments,
  themeSchakels,
  themes,
  users,
} from "#app/db/schema/index.ts";
import { authorize, notFound } from "#app/platform/errors.ts";
import { storeUpload } from "#app/platform/files.server.ts";
import { FieldError } from "#app/platform/forms.ts";
import { isUuid } from "#app/platform/ids.ts";
import { sendTemplatedMail } from "#app/platform/mailer.server.ts";
import type { AuthorizedSpace } from "./space-access.server.ts";

async function loadProgramme(db: DbOrTx, themeId: string) {
  const [programme] = await db
    .select()
    .from(networkProgrammes)
    .where(eq(networkProgrammes.themeId, themeId));
  if (!programme) notFound();
  return programme;
}

async function loadTheme(db: DbOrTx, space: AuthorizedSpace, themeId: string) {
  if (!isUuid(themeId)) notFound();
  const [theme] = await db
    .select()
    .from(themes)
    .where(
      and(eq(themes.id, themeId), eq(themes.spaceKind, space.kind), eq(themes.spaceId, space.id)),
    );
  if (!theme) notFound();
  const schakels = await db
    .select({ userId: users.id, name: users.name })
    .from(themeSchakels)
    .innerJoin(users, eq(users.id, themeSchakels.userId))
    .where(eq(themeSchakels.themeId, theme.id));
  const me = space.actor.userId;
  // The theme's schakels and the school's keepers shape it; everyone in the school contributes.
  const canShape = space.isKeeper || schakels.some((s) => s.userId === me);
  return { theme, schakels, canShape };
}

/**
 * Authorise before validating: a theme of this space, for everyone in it to contribute to (the
 * kennisweb, pilots, signing up) and for its schakels and the keepers to shape.
 */
export async function themeRights(db: DbOrTx, space: AuthorizedSpace, themeId: string) {
  const { canShape } = await loadTheme(db, space, themeId);
  return { canShape };
}

/** The analysis, the programme and the newsletter: the theme's schakels and the keepers. */
export function requireShape(rights: { canShape: boolean }) {
  authorize(rights.canShape);
}

/** The earlier themes this one renews, oldest last: their knowledge comes back with it. */
async function lineage(db: DbOrTx, theme: { renewedFromId: string | null }) {
  const ids: string[] = [];
  let next = theme.renewedFromId;
  while (next && ids.length < 20 && !ids.includes(next)) {
    ids.push(next);
    const [row] = await db
      .select({ from: themes.renewedFromId })
      .from(themes)
      .where(eq(themes.id, next));
    next = row?.from ?? null;
  }
  return ids;
}

/** The theme's header: its name, kind, year and schakels, and whether this actor shapes it. */
export async function getThemeHeader(db: DbOrTx, space: AuthorizedSpace, themeId: string) {
  return loadTheme(db, space, themeId);
}

/** The theme analysis panel: the canvas, its timeline's moments, and the theme's network. */
export async function getThemeAnalysis(db: DbOrTx, space: AuthorizedSpace, themeId: string) {
  const { theme, schakels, canShape } = await loadTheme(db, space, themeId);
  const [analysis] = await db
    .select()
    .from(themeAnalyses)
    .where(eq(themeAnalyses.themeId, theme.id));
  const moments = await db
    .select()
    .from(themeMoments)
    .where(eq(themeMoments.themeId, theme.id))
    .orderBy(asc(themeMoments.heldOn));
  const linked = await db
    .select({ id: initiatives.id, name: initiatives.name, completedAt: initiatives.completedAt })
    .from(initiativeThemes)
    .innerJoin(initiatives, eq(initiatives.id, initiativeThemes.initiativeId))
    .where(eq(initiativeThemes.themeId, theme.id))
    .orderBy(asc(initiatives.name));
  // Who thinks and does along (not the newsletter's readers): part of the theme's network.
  const signups = await db
    .select({ userId: users.id, name: users.name, group: programmeSignups.group })
    .from(programmeSignups)
    .innerJoin(users, eq(users.id, programmeSignups.userId))
    .where(and(eq(programmeSignups.themeId, theme.id), ne(programmeSignups.group, "nieuwsbrief")))
    .orderBy(asc(users.name));
  return {
    analysis: analysis ?? null,
    moments,
    initiatives: linked,
    schakels,
    signups,
    canShape,
  };
}

/** The network programme panel: its activities, signups, pilots and newsletter issues. */
export async function getProgramme(db: DbOrTx, space: AuthorizedSpace, themeId: string) {
  const { theme, canShape } = await loadTheme(db, space, themeId);
  const [programme] = await db
    .select()
    .from(networkProgrammes)
    .where(eq(networkProgrammes.themeId, theme.id));
  if (!programme) return { programme: null, canShape };
  const activities = await db
    .select()
    .from(programmeActivities)
    .where(eq(programmeActivities.themeId, theme.id));
  const signups = await db
    .select({ userId: users.id, name: users.name, group: programmeSignups.group })
    .from(programmeSignups)
    .innerJoin(users, eq(users.id, programmeSignups.userId))
    .where(eq(programmeSignups.themeId, theme.id))
    .orderBy(asc(users.name));
  const pilots = await db
    .select()
    .from(programmePilots)
    .where(eq(programmePilots.themeId, theme.id));
  const issues = await db
    .select()
    .from(newsletterIssues)
    .where(eq(newsletterIssues.themeId, theme.id))
    .orderBy(desc(newsletterIssues.createdAt));
  const me = space.actor.userId;
  return {
    programme: {
      ...programme,
      activities: programmeActivityKinds.map((activity) => {
        const row = activities.find((a) => a.activity === activity);
        return {
          activity,
          plannedOn: row?.plannedOn ?? null,
          doneAt: row?.doneAt ?? null,
          note: row?.note ?? "",
        };
      }),
      signups,
      pilots,
      issues,
      mine: signups.filter((s) => s.userId === me).map((s) => s.group),
    },
    canShape,
  };
}

/** The kennisweb panel: this theme's items and those of the themes it renews, searchable. */
export async function getKennisweb(
  db: DbOrTx,
  space: AuthorizedSpace,
  themeId: string,
  query = "",
) {
  const { theme } = await loadTheme(db, space, themeId);
  const themeIds = [theme.id, ...(await lineage(db, theme))];
  const q = query.trim();
  const items = await db
    .select({
      id: kenniswebItems.id,
      themeId: kenniswebItems.themeId,
      kind: kenniswebItems.kind,
      title: kenniswebItems.title,
      body: kenniswebItems.body,
      url: kenniswebItems.url,
      fileId: kenniswebItems.fileId,
      fileName: storedFiles.name,
      createdAt: kenniswebItems.createdAt,
      authorName: users.name,
    })
    .from(kenniswebItems)
    .leftJoin(users, eq(users.id, kenniswebItems.createdBy))
    .leftJoin(storedFiles, eq(storedFiles.id, kenniswebItems.fileId))
    .where(
      and(
        inArray(kenniswebItems.themeId, themeIds),
        q
          ? sql`to_tsvector('dutch', ${kenniswebItems.title} || ' ' || ${kenniswebItems.body}) @@ websearch_to_tsquery('dutch', ${q})`
          : undefined,
      ),
    )
    .orderBy(desc(kenniswebItems.createdAt));
  return {
    theme: { id: theme.id },
    kennisweb: items.map((item) => ({ ...item, earlier: item.themeId !== theme.id })),
    q,
  };
}

/** The canvas of figure 7.3; the timeline may not end before it starts. */
export async function saveThemeAnalysis(
  db: Db,
  space: AuthorizedSpace,
  themeId: string,
  input: {
    words: string[];
    chosenName: string;
    remarks: string;
    story: string;
    ideas: string;
    startsOn: string | null;
    manifestationOn: string | null;
    manifestation: string;
  },
) {
  const { theme, canShape } = await loadTheme(db, space, themeId);
  authorize(canShape);
  if (input.startsOn && input.manifestationOn && input.manifestationOn < input.startsOn)
    throw new FieldError("manifestationOn", "error.toolkit.endBeforeStart");
  if (input.chosenName && !input.words.includes(input.chosenName))
    throw new FieldError("chosenName", "error.themeAnalysis.chosen");
  await db
    .insert(themeAnalyses)
    .values({ themeId: theme.id, ...input, updatedAt: new Date() })
    .onConflictDoUpdate({
      target: themeAnalyses.themeId,
      set: { ...input, updatedAt: new Date() },
    });
}

export async function addMoment(
  db: Db,
  space: AuthorizedSpace,
  themeId: string,
  input: { heldOn: string; title: string },
) {
  const { theme, canShape } = await loadTheme(db, space, themeId);
  authorize(canShape);
  await db.insert(themeMoments).values({ themeId: theme.id, ...input });
}

function addMonths(day: string, months: number) {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.toISOString().slice(0, 10);
}

/** A network programme over 3, 6 or 12 months, with its nine activities spread over the period. */
export async function startProgramme(
  db: Db,
  space: AuthorizedSpace,
  themeId: string,
  input: { startsOn: string; months: number },
) {
  await db.transaction(async (tx) => {
    const { theme, canShape } = await loadTheme(tx, space, themeId);
    authorize(canShape);
    const [existing] = await tx
      .select()
      .from(networkProgrammes)
      .where(eq(networkProgrammes.themeId, theme.id));
    if (existing) throw new FieldError("months", "error.programme.exists");
    await tx
      .insert(networkProgrammes)
      .values({ themeId: theme.id, ...input, createdBy: space.actor.userId });
    const step = (input.months * 30) / programmeActivityKinds.length;
    await tx.insert(programmeActivities).values(
      programmeActivityKinds.map((activity, i) => {
        const date = new Date(`${input.startsOn}T12:00:00Z`);
        date.setUTCDate(date.getUTCDate() + Math.round(i * step));
        const last = addMonths(input.startsOn, input.months);
        const planned = date.toISOString().slice(0, 10);
        return { themeId: theme.id, activity, plannedOn: [planned, last].sort()[0] ?? last };
      }),
    );
  });
}

export async function updateActivity(
  db: Db,
  space: AuthorizedSpace,
  themeId: string,
  input: { activity: string; plannedOn: string | null; note: string; done: boolean },
) {
  const { theme, canShape } = await loadTheme(db, space, themeId);
  authorize(canShape);
  const programme = await loadProgramme(db, theme.id);
  const end = addMonths(programme.startsOn, programme.months);
  if (input.plannedOn && (input.plannedOn < programme.startsOn || input.plannedOn > end))
    throw new FieldError("plannedOn", "error.programme.outside");
  const updated = await db
    .update(programmeActivities)
    .set({ plannedOn: input.plannedOn, note: input.note, doneAt: input.done ? new Date() : null })
    .where(
      and(
        eq(programmeActivities.themeId, theme.id),
        eq(programmeActivities.activity, input.activity as (typeof programmeActivityKinds)[number]),
      ),
    )
    .returning({ activity: programmeActivities.activity });
  if (!updated.length) notFound();
}

/** Anyone in the school signs up for the denkgroep, the doegroep or the newsletter (or off again). */
export async function toggleSignup(
  db: Db,
  space: AuthorizedSpace,
  themeId: string,
  group: "denk" | "doe" | "nieuwsbrief",
) {
  const { theme } = await loadTheme(db, space, themeId);
  await loadProgramme(db, theme.id);
  const where = and(
    eq(programmeSignups.themeId, theme.id),
    eq(programmeSignups.userId, space.actor.userId),
    eq(programmeSignups.group, group),
  );
  const removed = await db
    .delete(programmeSignups)
    .where(where)
    .returning({ g: programmeSignups.group });
  if (!removed.length)
    await db
      .insert(programmeSignups)
      .values({ themeId: theme.id, userId: space.actor.userId, group });
}

export async function addPilot(
  db: Db,
  space: AuthorizedSpace,
  themeId: string,
  input: { title: string; participants: string; experiences: string },
) {
  const { theme } = await loadTheme(db, space, themeId);
  await loadProgramme(db, theme.id);
  await db.insert(programmePilots).values({ themeId: theme.id, ...input });
}

/** A newsletter issue goes to everyone in the school who subscribed to this theme's newsletter. */
export async function sendNewsletter(
  db: Db,
  space: AuthorizedSpace,
  themeId: string,
  input: { title: string; body: string },
  link: string,
) {
  return db.transaction(async (tx) => {
    const { theme, canShape } = await loadTheme(tx, space, themeId);
    authorize(canShape);
    await loadProgramme(tx, theme.id);
    const subscribers = await tx
      .select({ email: users.email, locale: users.locale, name: users.name })
      .from(programmeSignups)
      .innerJoin(users, eq(users.id, programmeSignups.userId))
      .where(
        and(eq(programmeSignups.themeId, theme.id), eq(programmeSignups.group, "nieuwsbrief")),
      );
    if (!subscribers.length) throw new FieldError("title", "error.newsletter.noSubscribers");
    for (const subscriber of subscribers)
      await sendTemplatedMail(tx, subscriber, "mail.newsletter", {
        theme: theme.name,
        title: input.title,
        body: input.body,
        name: subscriber.name,
        link,
      });
    await tx
      .insert(newsletterIssues)
      .values({ themeId: theme.id, ...input, sentAt: new Date(), recipients: subscribers.length });
    return subscribers.length;
  });
}

export async function addKenniswebItem(
  db: Db,
  space: AuthorizedSpace,
  themeId: string,
  input: {
    kind: "verhaal" | "uitspraak" | "activiteit" | "voorbeeld" | "document" | "link";
    title: string;
    body: string;
    url: string;
  },
  file: File | null = null,
) {
  await db.transaction(async (tx) => {
    const { theme } = await loadTheme(tx, space, themeId);
    const stored = file ? await storeUpload(tx, "file", file, space.actor.userId) : null;
    await tx.insert(kenniswebItems).values({
      themeId: theme.id,
      ...input,
      fileId: stored?.id ?? null,
      createdBy: space.actor.userId,
    });
  });
}

/** A kennisweb document, for the space's members: from this theme or one it renews. */
export async function kenniswebFile(
  db: DbOrTx,
  space: AuthorizedSpace,
  themeId: string,
  fileId: string,
) {
  const { theme } = await loadTheme(db, space, themeId);
  if (!isUuid(fileId)) notFound();
  const [item] = await db
    .select({ fileId: kenniswebItems.fileId })
    .from(kenniswebItems)
    .where(
      and(
        eq(kenniswebItems.fileId, fileId),
        inArray(kenniswebItems.themeId, [theme.id, ...(await lineage(db, theme))]),
      ),
    );
  if (!item) notFound();
  return fileId;
}
