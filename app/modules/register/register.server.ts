import { randomBytes } from "node:crypto";
import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "#app/db/client.server.ts";
import {
  attendance,
  certificates,
  enrolmentRoutes,
  meetings,
  networkMembers,
  networks,
  programmes,
  registerActivities,
  registerAudit,
  registerCatalogue,
  registerProfiles,
  storedFiles,
  users,
} from "#app/db/schema/index.ts";
import { formatDate, instantToAmsterdam } from "#app/i18n/dates.ts";
import { parseLocale } from "#app/i18n/messages.ts";
import type { Actor } from "#app/platform/actor.ts";
import { publicBaseUrl } from "#app/platform/env.server.ts";
import { storeUpload } from "#app/platform/files.server.ts";
import { FieldError } from "#app/platform/forms.ts";
import { authorize, notFound } from "#app/platform/http.server.ts";
import { isUuid } from "#app/platform/ids.ts";
import { type JobHandler, scheduleJobOnce } from "#app/platform/jobs.server.ts";
import { sendTemplatedMail } from "#app/platform/mailer.server.ts";
import { attendanceCounts } from "../meetings/meetings.server.ts";
import { canManageNetwork } from "../networks/networks.policy.ts";
import { loadNetworkAccess } from "../networks/networks.server.ts";
import {
  type Cycle,
  cycleOf,
  inCycle,
  pointsFromPercentage,
  reminderMoments,
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

function newCertificateCode() {
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  const bytes = randomBytes(12);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join("");
  return `KP-${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}

/**
 * On completing a route that carries points: a certificate and the points in the ledger, with
 * the evidence (network, route, attendance, dates, themes). Does nothing for routes without points
 * or when a live certificate exists.
 */
export async function issueCertificateForMember(
  tx: DbOrTx,
  memberId: string,
  actorId: string | null,
) {
  const [row] = await tx
    .select({
      memberId: networkMembers.id,
      userId: networkMembers.userId,
      name: users.name,
      joinedAt: networkMembers.joinedAt,
      completedAt: networkMembers.routeCompletedAt,
      networkId: networks.id,
      networkName: networks.name,
      networkStart: networks.startDate,
      programmeName: programmes.name,
      routeName: enrolmentRoutes.name,
      points: enrolmentRoutes.registerPoints,
      themes: enrolmentRoutes.registerThemes,
    })
    .from(networkMembers)
    .innerJoin(users, eq(users.id, networkMembers.userId))
    .innerJoin(networks, eq(networks.id, networkMembers.networkId))
    .leftJoin(programmes, eq(programmes.id, networks.programmeId))
    .innerJoin(enrolmentRoutes, eq(enrolmentRoutes.id, networkMembers.routeId))
    .where(eq(networkMembers.id, memberId));
  if (!row?.points || !row.completedAt) return null;
  const [live] = await tx
    .select({ id: certificates.id })
    .from(certificates)
    .where(and(eq(certificates.memberId, memberId), isNull(certificates.revokedAt)));
  if (live) return live.id;
  const attended = await tx
    .select({ startsAt: meetings.startsAt, endsAt: meetings.endsAt })
    .from(attendance)
    .innerJoin(meetings, eq(meetings.id, attendance.meetingId))
    .where(
      and(
        eq(meetings.networkId, row.networkId),
        eq(attendance.userId, row.userId),
        eq(attendance.status, "present"),
        isNull(meetings.cancelledAt),
      ),
    )
    .orderBy(asc(meetings.startsAt));
  const counts = await attendanceCounts(tx, row.networkId, [row.userId]);
  const hours = Math.round(
    attended.reduce((sum, m) => sum + (m.endsAt.getTime() - m.startsAt.getTime()) / 3600_000, 0),
  );
  const firstDay = attended[0]
    ? instantToAmsterdam(attended[0].startsAt).day
    : (row.networkStart ?? todayInAmsterdam(row.joinedAt ?? new Date()));
  const lastDay = todayInAmsterdam(row.completedAt);
  const [certificate] = await tx
    .insert(certificates)
    .values({
      code: newCertificateCode(),
      userId: row.userId,
      memberId,
      networkId: row.networkId,
      participantName: row.name,
      title: row.networkName,
      routeName: row.routeName,
      provider: row.programmeName ?? row.networkName,
      startDate: firstDay,
      endDate: lastDay,
      hours,
      points: row.points,
      themes: row.themes,
    })
    .returning({ id: certificates.id });
  if (!certificate) throw new Error("certificate not stored");
  const title = `${row.networkName} — ${row.routeName}`;
  const activity = {
    userId: row.userId,
    source: "route" as const,
    title,
    provider: row.programmeName ?? row.networkName,
    learningForm: "non-formal" as const,
    startDate: firstDay,
    endDate: lastDay,
    hours,
    points: row.points,
    themes: row.themes,
    evidence: `Route "${row.routeName}" afgerond; aanwezig bij ${attended.length} van ${counts.held} gehouden bijeenkomsten.`,
    certificateId: certificate.id,
  };
  // Re-issued after a revocation on the same dates: the ledger line takes the new certificate.
  const [earlier] = await tx
    .select({ id: registerActivities.id })
    .from(registerActivities)
    .where(
      and(
        eq(registerActivities.userId, row.userId),
        sql`lower(${registerActivities.title}) = lower(${title})`,
        eq(registerActivities.startDate, firstDay),
        eq(registerActivities.endDate, lastDay),
      ),
    );
  if (earlier)
    await tx.update(registerActivities).set(activity).where(eq(registerActivities.id, earlier.id));
  else await tx.insert(registerActivities).values(activity);
  await tx.insert(registerAudit).values({
    userId: row.userId,
    actorId,
    action: "certificate-issued",
    certificateId: certificate.id,
  });
  return certificate.id;
}

async function revoke(tx: DbOrTx, certificateId: string, reason: string, actorId: string | null) {
  const [revoked] = await tx
    .update(certificates)
    .set({ revokedAt: new Date(), revokedReason: reason })
    .where(and(eq(certificates.id, certificateId), isNull(certificates.revokedAt)))
    .returning({ userId: certificates.userId });
  if (revoked) {
    await tx
      .insert(registerAudit)
      .values({ userId: revoked.userId, actorId, action: "certificate-revoked", certificateId });
  }
}

/** A correction undid the completion: the certificate (and so its points) is withdrawn. */
export async function withdrawForMember(tx: DbOrTx, memberId: string) {
  const live = await tx
    .select({ id: certificates.id })
    .from(certificates)
    .where(and(eq(certificates.memberId, memberId), isNull(certificates.revokedAt)));
  for (const certificate of live)
    await revoke(tx, certificate.id, "De route is na een correctie niet meer afgerond.", null);
}

/** The provider (penvoerder, facilitator, the programme's coordinator) revokes one of its certificates. */
export async function revokeCertificate(
  db: Db,
  actor: Actor,
  networkId: string,
  certificateId: string,
  reason: string,
) {
  await db.transaction(async (tx) => {
    const { access } = await loadNetworkAccess(tx, actor, networkId);
    authorize(canManageNetwork(actor, access));
    if (!isUuid(certificateId)) notFound();
    const [certificate] = await tx
      .select({ id: certificates.id })
      .from(certificates)
      .where(and(eq(certificates.id, certificateId), eq(certificates.networkId, networkId)));
    if (!certificate) notFound();
    await revoke(tx, certificateId, reason, actor.userId);
  });
}

/** The provider issues a certificate for a member who completed (again, after a revocation). */
export async function issueCertificate(db: Db, actor: Actor, networkId: string, memberId: string) {
  return db.transaction(async (tx) => {
    const { access } = await loadNetworkAccess(tx, actor, networkId);
    authorize(canManageNetwork(actor, access));
    if (!isUuid(memberId)) notFound();
    const [member] = await tx
      .select({ id: networkMembers.id })
      .from(networkMembers)
      .where(and(eq(networkMembers.id, memberId), eq(networkMembers.networkId, networkId)));
    if (!member) notFound();
    const id = await issueCertificateForMember(tx, memberId, actor.userId);
    if (!id) throw new FieldError("memberId", "error.certificate.notCompleted");
    return id;
  });
}

/** What anyone with the code may see: exactly what the certificate says, and whether it holds. */
export async function verifyCertificate(db: DbOrTx, code: string) {
  const normalised = code.trim().toUpperCase();
  if (!/^KP-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/.test(normalised)) return null;
  const [certificate] = await db
    .select({
      code: certificates.code,
      participantName: certificates.participantName,
      title: certificates.title,
      routeName: certificates.routeName,
      provider: certificates.provider,
      startDate: certificates.startDate,
      endDate: certificates.endDate,
      hours: certificates.hours,
      points: certificates.points,
      themes: certificates.themes,
      issuedAt: certificates.issuedAt,
      revokedAt: certificates.revokedAt,
    })
    .from(certificates)
    .where(eq(certificates.code, normalised));
  return certificate ?? null;
}

/** A certificate for its owner or its provider. */
export async function getCertificate(db: DbOrTx, actor: Actor, certificateId: string) {
  if (!isUuid(certificateId)) notFound();
  const [certificate] = await db
    .select()
    .from(certificates)
    .where(eq(certificates.id, certificateId));
  if (!certificate) notFound();
  if (certificate.userId === actor.userId) return certificate;
  if (!certificate.networkId) notFound();
  const { access } = await loadNetworkAccess(db, actor, certificate.networkId);
  if (!canManageNetwork(actor, access)) notFound();
  return certificate;
}

export async function myCertificates(db: DbOrTx, actor: Actor) {
  return db
    .select({
      id: certificates.id,
      code: certificates.code,
      title: certificates.title,
      routeName: certificates.routeName,
      points: certificates.points,
      issuedAt: certificates.issuedAt,
      revokedAt: certificates.revokedAt,
    })
    .from(certificates)
    .where(eq(certificates.userId, actor.userId))
    .orderBy(desc(certificates.issuedAt));
}

/** Per network, for its provider: who completed, who is on track, who is behind, with certificates. */
export async function getNetworkCertificates(db: DbOrTx, actor: Actor, networkId: string) {
  const { network, access } = await loadNetworkAccess(db, actor, networkId);
  authorize(canManageNetwork(actor, access), "not-found");
  const members = await db
    .select({
      memberId: networkMembers.id,
      userId: networkMembers.userId,
      name: users.name,
      routeName: enrolmentRoutes.name,
      minMeetings: enrolmentRoutes.minMeetings,
      registerPoints: enrolmentRoutes.registerPoints,
      completedAt: networkMembers.routeCompletedAt,
    })
    .from(networkMembers)
    .innerJoin(users, eq(users.id, networkMembers.userId))
    .innerJoin(enrolmentRoutes, eq(enrolmentRoutes.id, networkMembers.routeId))
    .where(and(eq(networkMembers.networkId, networkId), eq(networkMembers.status, "active")))
    .orderBy(asc(users.name));
  const counts = await attendanceCounts(
    db,
    networkId,
    members.map((m) => m.userId),
  );
  const issued = await db
    .select()
    .from(certificates)
    .where(eq(certificates.networkId, networkId))
    .orderBy(desc(certificates.issuedAt));
  return {
    network,
    rows: members.map((member) => {
      const present = counts.presentBy.get(member.userId) ?? 0;
      const stillPossible = present + (counts.planned - counts.held);
      const standing = member.completedAt
        ? ("completed" as const)
        : !member.minMeetings || stillPossible >= member.minMeetings
          ? ("on-track" as const)
          : ("behind" as const);
      const mine = issued.filter((c) => c.userId === member.userId);
      return {
        ...member,
        present,
        held: counts.held,
        planned: counts.planned,
        standing,
        certificates: mine,
      };
    }),
  };
}

/** Reminders at 12, 6 and 3 months before the date and during "onder voorwaarden", when points are short. */
export async function planRegisterReminders(db: DbOrTx, now = new Date()) {
  const today = todayInAmsterdam(now);
  const profiles = await db.select().from(registerProfiles);
  let scheduled = 0;
  for (const profile of profiles) {
    const cycle = cycleOf(profile.cycleStart, profile.cycleYears);
    for (const moment of reminderMoments(cycle)) {
      // Only the moment that is due now (or within the last week): no backlog of old reminders.
      if (
        moment.day > today ||
        moment.day < todayInAmsterdam(new Date(now.getTime() - 7 * 86_400_000))
      )
        continue;
      if (
        await scheduleJobOnce(db, {
          kind: "register-reminder",
          key: `register:${profile.userId}:${cycle.due}:${moment.key}`,
          payload: { userId: profile.userId, moment: moment.key },
          runAt: now,
        })
      )
        scheduled++;
    }
  }
  return scheduled;
}

const sendRegisterReminder: JobHandler = async (db, payload) => {
  const userId = String(payload.userId);
  const [user] = await db
    .select({ name: users.name, email: users.email, locale: users.locale })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.disabledAt)));
  if (!user) return;
  const actor = { userId, name: user.name, email: user.email, isPlatformAdmin: false, grants: [] };
  const register = await getMyRegister(db, actor);
  if (!register.cycle || register.needed === 0) return;
  const baseUrl = publicBaseUrl();
  const locale = parseLocale(user.locale);
  await sendTemplatedMail(db, user, "mail.registerReminder", {
    name: user.name,
    points: String(register.points),
    needed: String(register.needed),
    due: formatDate(register.cycle.due, locale),
    link: `${baseUrl}/herregistratie`,
  });
};

export const registerJobHandlers: Record<string, JobHandler> = {
  "register-reminder": sendRegisterReminder,
};
