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
  programmeCoordinators,
  programmes,
  registerActivities,
  registerAudit,
  users,
} from "#app/db/schema/index.ts";
import { instantToAmsterdam } from "#app/i18n/dates.ts";
import type { Actor } from "#app/platform/actor.ts";
import { authorize, notFound } from "#app/platform/errors.ts";
import { FieldError } from "#app/platform/forms.ts";
import { isUuid } from "#app/platform/ids.ts";
import { attendanceCounts } from "../meetings/attendance.server.ts";
import { loadNetworkAccess, type SignedInNetwork } from "../networks/network-access.server.ts";
import { canManageNetwork } from "../networks/networks.policy.ts";
import { todayInAmsterdam } from "./ledger.server.ts";

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
  // The route's period runs from the first to the last meeting attended, not to the day the
  // completion was recorded (a closing conversation or a late attendance list comes later).
  const lastAttended = attended.at(-1);
  const lastDay = lastAttended
    ? instantToAmsterdam(lastAttended.startsAt).day
    : todayInAmsterdam(row.completedAt);
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
  net: SignedInNetwork,
  certificateId: string,
  reason: string,
) {
  const { access, actor, id: networkId } = net;
  authorize(canManageNetwork(actor, access));
  await db.transaction(async (tx) => {
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
export async function issueCertificate(db: Db, net: SignedInNetwork, memberId: string) {
  const { access, actor, id: networkId } = net;
  authorize(canManageNetwork(actor, access));
  return db.transaction(async (tx) => {
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

/**
 * What the printed certificate shows beside its stored text: who signs it for the provider (the
 * network's penvoerder, else its facilitator, else the programme's coordinator), the meetings
 * attended within its period, and whether it is a network or a course.
 */
export async function certificatePrintDetails(
  db: DbOrTx,
  certificate: { userId: string; networkId: string | null; startDate: string; endDate: string },
) {
  if (!certificate.networkId) return { signer: null, attended: null, kind: "network" as const };
  const [network] = await db
    .select({ name: networks.name, kind: networks.kind, programmeId: networks.programmeId })
    .from(networks)
    .where(eq(networks.id, certificate.networkId));
  if (!network) return { signer: null, attended: null, kind: "network" as const };
  const leads = await db
    .select({ name: users.name, role: networkMembers.role })
    .from(networkMembers)
    .innerJoin(users, eq(users.id, networkMembers.userId))
    .where(
      and(
        eq(networkMembers.networkId, certificate.networkId),
        eq(networkMembers.status, "active"),
        sql`${networkMembers.role} in ('penvoerder', 'facilitator')`,
      ),
    )
    .orderBy(
      sql`case ${networkMembers.role} when 'penvoerder' then 0 else 1 end`,
      asc(networkMembers.createdAt),
    );
  let signer: { name: string; role: string } | null = null;
  const lead = leads[0];
  if (lead)
    signer = {
      name: lead.name,
      role: `${lead.role === "penvoerder" ? "Penvoerder" : "Facilitator"}, ${network.name}`,
    };
  else if (network.programmeId) {
    const [coordinator] = await db
      .select({ name: users.name, programme: programmes.name })
      .from(programmeCoordinators)
      .innerJoin(users, eq(users.id, programmeCoordinators.userId))
      .innerJoin(programmes, eq(programmes.id, programmeCoordinators.programmeId))
      .where(eq(programmeCoordinators.programmeId, network.programmeId))
      .orderBy(asc(users.name))
      .limit(1);
    if (coordinator)
      signer = { name: coordinator.name, role: `Coördinator, ${coordinator.programme}` };
  }
  const present = await db
    .select({ startsAt: meetings.startsAt })
    .from(attendance)
    .innerJoin(meetings, eq(meetings.id, attendance.meetingId))
    .where(
      and(
        eq(meetings.networkId, certificate.networkId),
        eq(attendance.userId, certificate.userId),
        eq(attendance.status, "present"),
        isNull(meetings.cancelledAt),
      ),
    );
  const attended = present.filter((m) => {
    const day = instantToAmsterdam(m.startsAt).day;
    return day >= certificate.startDate && day <= certificate.endDate;
  }).length;
  return { signer, attended: attended || null, kind: network.kind };
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
export async function getNetworkCertificates(db: DbOrTx, net: SignedInNetwork) {
  const { network, access, actor, id: networkId } = net;
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
