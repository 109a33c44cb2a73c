import { and, asc, desc, eq } from "drizzle-orm";
import type { Db, DbOrTx } from "#app/db/client.server.ts";
import {
  networkProgrammes,
  newsletterIssues,
  programmeActivities,
  programmeActivityKinds,
  programmePilots,
  programmeSignups,
  users,
} from "#app/db/schema/index.ts";
import { authorize, notFound } from "#app/platform/errors.ts";
import { FieldError } from "#app/platform/forms.ts";
import { sendTemplatedMail } from "#app/platform/mailer.server.ts";
import type { AuthorizedSpace } from "./space-access.server.ts";
import { loadTheme } from "./toolkit.internal.ts";

async function loadProgramme(db: DbOrTx, themeId: string) {
  const [programme] = await db
    .select()
    .from(networkProgrammes)
    .where(eq(networkProgrammes.themeId, themeId));
  if (!programme) notFound();
  return programme;
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
