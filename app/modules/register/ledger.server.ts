import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "#app/db/client.server.ts";
import {
  certificates,
  registerActivities,
  registerCatalogue,
  registerProfiles,
  storedFiles,
} from "#app/db/schema/index.ts";
import { instantToAmsterdam } from "#app/i18n/dates.ts";
import type { Actor } from "#app/platform/actor.ts";
import { notFound } from "#app/platform/errors.ts";
import { storeUpload } from "#app/platform/files.server.ts";
import { FieldError } from "#app/platform/forms.ts";
import { isUuid } from "#app/platform/ids.ts";
import {
  type Cycle,
  cycleOf,
  inCycle,
  pointsFromPercentage,
  requiredPoints,
  statusOf,
} from "./cycle.ts";
import type { ActivityInput, CatalogueEntryInput, ValuationInput } from "./register.schema.ts";

export function todayInAmsterdam(now = new Date()) {
  return instantToAmsterdam(now).day;
}

async function profileOf(db: DbOrTx, userId: string) {
  const [profile] = await db
    .select()
    .from(registerProfiles)
    .where(eq(registerProfiles.userId, userId));
  return profile ?? null;
}

async function ledgerOf(db: DbOrTx, userId: string) {
  return db
    .select({
      id: registerActivities.id,
      source: registerActivities.source,
      title: registerActivities.title,
      provider: registerActivities.provider,
      learningForm: registerActivities.learningForm,
      startDate: registerActivities.startDate,
      endDate: registerActivities.endDate,
      hours: registerActivities.hours,
      points: registerActivities.points,
      themes: registerActivities.themes,
      evidence: registerActivities.evidence,
      evidenceFileId: registerActivities.evidenceFileId,
      certificateId: registerActivities.certificateId,
      certificateCode: certificates.code,
      revokedAt: certificates.revokedAt,
      revokedReason: certificates.revokedReason,
    })
    .from(registerActivities)
    .leftJoin(certificates, eq(certificates.id, registerActivities.certificateId))
    .where(eq(registerActivities.userId, userId))
    .orderBy(asc(registerActivities.endDate), asc(registerActivities.createdAt));
}

type LedgerRow = Awaited<ReturnType<typeof ledgerOf>>[number];

/** Points that count: in the cycle and not withdrawn with a revoked certificate. */
function summarise(cycle: Cycle | null, rows: LedgerRow[], today: string) {
  const counted = cycle ? rows.filter((row) => inCycle(cycle, row.endDate) && !row.revokedAt) : [];
  const points = counted.reduce((sum, row) => sum + row.points, 0);
  const byTheme = new Map<string, number>();
  for (const row of counted)
    for (const theme of row.themes) byTheme.set(theme, (byTheme.get(theme) ?? 0) + row.points);
  let running = 0;
  const overTime = counted.map((row) => {
    running += row.points;
    return { date: row.endDate, points: running, title: row.title };
  });
  return {
    points,
    needed: Math.max(0, requiredPoints - points),
    status: cycle ? statusOf(cycle, points, today) : null,
    byTheme: [...byTheme.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([theme, total]) => ({ theme, points: total })),
    overTime,
  };
}

/** A person's own ledger: only they see it. */
export async function getMyRegister(db: DbOrTx, actor: Actor, today = todayInAmsterdam()) {
  const profile = await profileOf(db, actor.userId);
  const cycle = profile ? cycleOf(profile.cycleStart, profile.cycleYears) : null;
  const rows = await ledgerOf(db, actor.userId);
  const summary = summarise(cycle, rows, today);
  return {
    profile,
    cycle,
    ...summary,
    activities: rows.map((row) => ({
      ...row,
      inCycle: cycle ? inCycle(cycle, row.endDate) : false,
      withdrawn: !!row.revokedAt,
    })),
  };
}

/**
 * Activities count in a cycle, so adding one needs the registration date first. Checked before
 * the activity's form is validated: the page shows the add forms only once there is a cycle.
 */
export async function assertHasRegisterProfile(db: DbOrTx, actor: Actor) {
  if (!(await profileOf(db, actor.userId)))
    throw new FieldError("cycleStart", "error.register.noProfile");
}

export async function saveRegisterProfile(
  db: DbOrTx,
  actor: Actor,
  input: { cycleStart: string; cycleYears: number },
) {
  const set = { ...input, updatedAt: new Date() };
  await db
    .insert(registerProfiles)
    .values({ userId: actor.userId, ...set })
    .onConflictDoUpdate({ target: registerProfiles.userId, set });
}

export async function listRegisterCatalogue(db: DbOrTx) {
  return db
    .select()
    .from(registerCatalogue)
    .orderBy(desc(registerCatalogue.percentage), asc(registerCatalogue.title));
}

async function insertOwnActivity(
  db: Db,
  actor: Actor,
  values: Omit<typeof registerActivities.$inferInsert, "userId" | "evidenceFileId">,
  today: string,
  /** the form field that names the activity, where a duplicate is reported */
  nameField = "title",
  /** evidence: stored in this transaction, so a refused activity leaves no file behind */
  file: File | null = null,
) {
  await db.transaction(async (tx) => {
    const profile = await profileOf(tx, actor.userId);
    if (!profile) throw new FieldError("cycleStart", "error.register.noProfile");
    const stored = file ? await storeUpload(tx, "file", file, actor.userId) : null;
    const cycle = cycleOf(profile.cycleStart, profile.cycleYears);
    if (!inCycle(cycle, values.endDate))
      throw new FieldError("endDate", "error.register.outsideCycle");
    if (values.endDate > today) throw new FieldError("endDate", "error.register.future");
    const [duplicate] = await tx
      .select({ id: registerActivities.id })
      .from(registerActivities)
      .where(
        and(
          eq(registerActivities.userId, actor.userId),
          sql`lower(${registerActivities.title}) = lower(${values.title})`,
          eq(registerActivities.startDate, values.startDate),
          eq(registerActivities.endDate, values.endDate),
        ),
      );
    if (duplicate) throw new FieldError(nameField, "error.register.duplicate");
    await tx
      .insert(registerActivities)
      .values({ ...values, evidenceFileId: stored?.id ?? null, userId: actor.userId });
  });
}

export async function addActivity(
  db: Db,
  actor: Actor,
  input: ActivityInput,
  file: File | null = null,
  today = todayInAmsterdam(),
) {
  await insertOwnActivity(
    db,
    actor,
    {
      source: "external",
      title: input.title,
      provider: input.provider,
      learningForm: input.learningForm,
      startDate: input.startDate,
      endDate: input.endDate,
      hours: input.hours,
      points: input.valueKind === "percentage" ? pointsFromPercentage(input.value) : input.value,
      themes: input.themes,
      evidence: input.evidence,
    },
    today,
    "title",
    file,
  );
}

export async function addValuation(
  db: Db,
  actor: Actor,
  input: ValuationInput,
  file: File | null = null,
  today = todayInAmsterdam(),
) {
  if (!file) throw new FieldError("file", "error.register.valuationFile");
  await insertOwnActivity(
    db,
    actor,
    {
      source: "valuation",
      title: input.title,
      provider: input.provider,
      learningForm: "informal",
      startDate: input.startDate,
      endDate: input.endDate,
      hours: input.hours,
      points: input.value,
      themes: input.themes,
      evidence: input.evidence,
    },
    today,
    "title",
    file,
  );
}

export async function addFromCatalogue(
  db: Db,
  actor: Actor,
  input: CatalogueEntryInput,
  today = todayInAmsterdam(),
) {
  const [item] = await db
    .select()
    .from(registerCatalogue)
    .where(eq(registerCatalogue.id, input.catalogueId));
  if (!item) throw new FieldError("catalogueId", "error.register.catalogue");
  await insertOwnActivity(
    db,
    actor,
    {
      source: "catalogue",
      title: item.title,
      provider: item.provider,
      learningForm: item.learningForm,
      startDate: input.startDate,
      endDate: input.endDate,
      hours: input.hours,
      points: pointsFromPercentage(item.percentage),
      themes: item.themes,
      evidence: input.evidence,
    },
    today,
    "catalogueId",
  );
}

/** A person removes an entry of their own; points from a route go only with the certificate. */
export async function deleteActivity(db: DbOrTx, actor: Actor, activityId: string) {
  if (!isUuid(activityId)) notFound();
  const deleted = await db
    .delete(registerActivities)
    .where(
      and(
        eq(registerActivities.id, activityId),
        eq(registerActivities.userId, actor.userId),
        sql`${registerActivities.source} <> 'route'`,
      ),
    )
    .returning({ evidenceFileId: registerActivities.evidenceFileId });
  if (!deleted.length) notFound();
  // the evidence belongs to this activity alone; left behind it would be an unreachable upload
  const fileId = deleted[0]?.evidenceFileId;
  if (fileId) await db.delete(storedFiles).where(eq(storedFiles.id, fileId));
}

/** Whether the actor may download an evidence file: only the ledger's owner. */
export async function evidenceFileAccess(db: DbOrTx, actor: Actor, fileId: string) {
  if (!isUuid(fileId)) notFound();
  const [row] = await db
    .select({ id: registerActivities.id })
    .from(registerActivities)
    .where(
      and(
        eq(registerActivities.evidenceFileId, fileId),
        eq(registerActivities.userId, actor.userId),
      ),
    );
  if (!row) notFound();
}
