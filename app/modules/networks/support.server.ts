import { and, asc, count, desc, eq, inArray, ne, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "#app/db/client.server.ts";
import {
  networkMembers,
  networks,
  organisationMembers,
  organisations,
  programmeCriteria,
  programmes,
  supportApplications,
  users,
} from "#app/db/schema/index.ts";
import { formatDate } from "#app/i18n/dates.ts";
import { type Locale, translate } from "#app/i18n/messages.ts";
import type { MaybeActor } from "#app/platform/actor.ts";
import { authorize, notFound } from "#app/platform/errors.ts";
import { FieldError } from "#app/platform/forms.ts";
import { isUuid } from "#app/platform/ids.ts";
import { confirmedWorkplace } from "../organisations/workplaces.server.ts";
import { networkDuration } from "./duration.ts";
import { loadNetworkAccess, type Network, type SignedInNetwork } from "./network-access.server.ts";
import {
  canApplyForSupport,
  canDecideSupport,
  canManageNetwork,
  isCoordinatorFor,
} from "./networks.policy.ts";

const leaderFunctions = ["schoolleider", "teamleider", "afdelingsleider", "bestuurder"];

export interface CriterionResult {
  criterionId: string;
  label: string;
  source: "computed" | "declared";
  met: boolean;
  detail: string;
}

type Criterion = typeof programmeCriteria.$inferSelect;

/** Facts about the network and the applicant that the computed criteria read. */
async function gatherFacts(db: DbOrTx, network: Network, applicantId: string) {
  const [members, facilitators, applicant, applicantSchools] = await Promise.all([
    db
      .select({ n: count() })
      .from(networkMembers)
      .where(
        and(
          eq(networkMembers.networkId, network.id),
          eq(networkMembers.status, "active"),
          ne(networkMembers.role, "facilitator"),
        ),
      ),
    db
      .select({ n: count() })
      .from(networkMembers)
      .where(
        and(
          eq(networkMembers.networkId, network.id),
          eq(networkMembers.status, "active"),
          eq(networkMembers.role, "facilitator"),
        ),
      ),
    db
      .select()
      .from(users)
      .where(eq(users.id, applicantId))
      .then((rows) => rows[0]),
    db
      .select({ sector: organisations.sector })
      .from(organisationMembers)
      .innerJoin(organisations, eq(organisations.id, organisationMembers.organisationId))
      .where(and(eq(organisationMembers.userId, applicantId), confirmedWorkplace)),
  ]);
  return {
    members: members[0]?.n ?? 0,
    facilitators: facilitators[0]?.n ?? 0,
    applicantIsLeader: !!applicant?.jobFunction && leaderFunctions.includes(applicant.jobFunction),
    applicantInVo: applicantSchools.some((school) => school.sector === "VO"),
  };
}

/**
 * Each criterion, computed from the network's data where a rule exists, otherwise as the
 * applicant declared it. Unknown rules count as declared, so new criteria never pass silently.
 */
function evaluate(
  criteria: Criterion[],
  network: Network,
  facts: Awaited<ReturnType<typeof gatherFacts>>,
  declarations: Record<string, { met: boolean; explanation: string }>,
  locale: Locale,
): CriterionResult[] {
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
    translate(locale, key, params);
  return criteria.map((criterion) => {
    const declared = declarations[criterion.id];
    const declaredResult: CriterionResult = {
      criterionId: criterion.id,
      label: criterion.label,
      source: "declared",
      met: declared?.met ?? false,
      detail:
        declared?.explanation ||
        (declared?.met ? t("criteria.declaredYes") : t("criteria.declaredNo")),
    };
    const value = criterion.ruleValue ?? 0;
    const computed = (met: boolean, detail: string): CriterionResult => ({
      criterionId: criterion.id,
      label: criterion.label,
      source: "computed",
      met,
      detail,
    });
    switch (criterion.rule) {
      case "applicant-vo-leader":
        return computed(
          facts.applicantIsLeader && facts.applicantInVo,
          t(
            facts.applicantIsLeader && facts.applicantInVo
              ? "criteria.leaderYes"
              : "criteria.leaderNo",
          ),
        );
      case "published-openness":
        return computed(
          network.status !== "ended" && network.question.length > 0,
          t(network.openness === "open" ? "criteria.publishedOpen" : "criteria.publishedClosed"),
        );
      case "min-meetings-per-year":
        return computed(
          (network.meetingsPerYear ?? 0) >= value,
          t("criteria.meetings", { count: network.meetingsPerYear ?? 0, min: value }),
        );
      case "min-members":
        return computed(
          facts.members >= value,
          t("criteria.members", { count: facts.members, min: value }),
        );
      case "has-facilitator":
        return computed(
          facts.facilitators > 0 || network.facilitatorNote.length > 0,
          facts.facilitators > 0 || network.facilitatorNote
            ? t("criteria.facilitatorYes", { name: network.facilitatorNote || "" })
            : t("criteria.facilitatorNo"),
        );
      case "min-duration-months": {
        // A network without an end (doorlopend) is set up for longer than any minimum.
        const duration = networkDuration(network);
        if (duration?.kind === "ongoing")
          return computed(
            true,
            t("criteria.duration.ongoing", { since: formatDate(duration.since, locale) }),
          );
        return computed(
          (network.durationMonths ?? 0) >= value,
          t("criteria.duration", { months: network.durationMonths ?? 0, min: value }),
        );
      }
      default:
        return declaredResult;
    }
  });
}

async function listCriteria(db: DbOrTx, programmeId: string) {
  // The id comes from a form field; one that is not a uuid names no programme (and PostgreSQL
  // would refuse to compare it).
  if (!isUuid(programmeId)) return [];
  return db
    .select()
    .from(programmeCriteria)
    .where(eq(programmeCriteria.programmeId, programmeId))
    .orderBy(asc(programmeCriteria.position));
}

/** Programmes that have criteria, i.e. accept applications. */
export async function listSupportProgrammes(db: DbOrTx) {
  const rows = await db
    .selectDistinct({ id: programmes.id, name: programmes.name })
    .from(programmes)
    .innerJoin(programmeCriteria, eq(programmeCriteria.programmeId, programmes.id));
  return rows.sort((a, b) => a.name.localeCompare(b.name));
}

/** The application form: every criterion with what the data says now. */
export async function previewApplication(
  db: DbOrTx,
  net: SignedInNetwork,
  programmeId: string,
  locale: Locale,
) {
  const { network, access, actor } = net;
  authorize(canApplyForSupport(actor, access));
  const criteria = await listCriteria(db, programmeId);
  if (!criteria.length) notFound();
  const facts = await gatherFacts(db, network, actor.userId);
  return { network, criteria, results: evaluate(criteria, network, facts, {}, locale) };
}

export async function submitApplication(
  db: Db,
  net: SignedInNetwork,
  programmeId: string,
  declarations: Record<string, { met: boolean; explanation: string }>,
  locale: Locale,
) {
  const { network, access, actor, id: networkId } = net;
  authorize(canApplyForSupport(actor, access));
  return db.transaction(async (tx) => {
    const criteria = await listCriteria(tx, programmeId);
    if (!criteria.length) notFound();
    const open = await tx
      .select({ id: supportApplications.id })
      .from(supportApplications)
      .where(
        and(
          eq(supportApplications.networkId, networkId),
          eq(supportApplications.programmeId, programmeId),
          eq(supportApplications.status, "submitted"),
        ),
      );
    if (open.length) throw new FieldError("form", "error.support.alreadySubmitted");
    const facts = await gatherFacts(tx, network, actor.userId);
    const evaluation = evaluate(criteria, network, facts, declarations, locale);
    const [application] = await tx
      .insert(supportApplications)
      .values({
        networkId,
        programmeId,
        status: "submitted",
        submittedBy: actor.userId,
        declarations,
        evaluation,
      })
      .returning({ id: supportApplications.id });
    return application?.id;
  });
}

/** Applications a coordinator decides on (their programmes; their region where they have one). */
export async function listApplicationsToDecide(db: DbOrTx, actor: MaybeActor) {
  if (!actor) notFound();
  const programmeIds = actor.isPlatformAdmin
    ? undefined
    : actor.grants.filter((g) => g.role === "programme-coordinator").map((g) => g.scopeId);
  if (programmeIds && programmeIds.length === 0) notFound();
  const rows = await db
    .select({
      id: supportApplications.id,
      status: supportApplications.status,
      submittedAt: supportApplications.submittedAt,
      networkId: networks.id,
      networkName: networks.name,
      regionId: networks.regionId,
      programmeId: programmes.id,
      programmeName: programmes.name,
      evaluation: supportApplications.evaluation,
    })
    .from(supportApplications)
    .innerJoin(networks, eq(networks.id, supportApplications.networkId))
    .innerJoin(programmes, eq(programmes.id, supportApplications.programmeId))
    .where(programmeIds ? inArray(supportApplications.programmeId, programmeIds) : undefined)
    .orderBy(desc(supportApplications.submittedAt));
  return rows.filter((row) => canDecideSupport(actor, row.programmeId, row.regionId));
}

export async function getApplication(db: DbOrTx, actor: MaybeActor, applicationId: string) {
  if (!isUuid(applicationId)) notFound();
  const [row] = await db
    .select({
      application: supportApplications,
      networkName: networks.name,
      regionId: networks.regionId,
      programmeName: programmes.name,
      submittedByName: users.name,
    })
    .from(supportApplications)
    .innerJoin(networks, eq(networks.id, supportApplications.networkId))
    .innerJoin(programmes, eq(programmes.id, supportApplications.programmeId))
    .leftJoin(users, eq(users.id, supportApplications.submittedBy))
    .where(eq(supportApplications.id, applicationId));
  if (!row) notFound();
  const { access } = await loadNetworkAccess(db, actor, row.application.networkId);
  const canDecide = canDecideSupport(actor, row.application.programmeId, row.regionId);
  authorize(canDecide || canManageNetwork(actor, access), "not-found");
  return { ...row, canDecide };
}

export async function listNetworkApplications(db: DbOrTx, net: SignedInNetwork) {
  if (!canManageNetwork(net.actor, net.access)) return [];
  return db
    .select({
      id: supportApplications.id,
      status: supportApplications.status,
      programmeName: programmes.name,
      submittedAt: supportApplications.submittedAt,
      stimulusCents: supportApplications.stimulusCents,
      decisionNote: supportApplications.decisionNote,
    })
    .from(supportApplications)
    .innerJoin(programmes, eq(programmes.id, supportApplications.programmeId))
    .where(eq(supportApplications.networkId, net.id))
    .orderBy(desc(supportApplications.submittedAt));
}

/** Authorise before validating: an application the person may decide on (as the command). */
export async function assertCanDecideApplication(
  db: DbOrTx,
  actor: MaybeActor,
  applicationId: string,
) {
  const { application, regionId } = await getApplication(db, actor, applicationId);
  authorize(canDecideSupport(actor, application.programmeId, regionId));
}

export async function decideApplication(
  db: Db,
  actor: MaybeActor,
  applicationId: string,
  input: {
    decision: "approved" | "declined";
    note: string;
    stimulusCents: number | null;
    purposes: string[];
  },
) {
  await db.transaction(async (tx) => {
    const { application, regionId } = await getApplication(tx, actor, applicationId);
    authorize(canDecideSupport(actor, application.programmeId, regionId));
    if (application.status !== "submitted")
      throw new FieldError("form", "error.support.alreadyDecided");
    await tx
      .update(supportApplications)
      .set({
        status: input.decision,
        decisionNote: input.note,
        decidedBy: actor?.userId ?? null,
        decidedAt: new Date(),
        stimulusCents: input.decision === "approved" ? input.stimulusCents : null,
        stimulusPurposes: input.decision === "approved" ? input.purposes : [],
      })
      .where(eq(supportApplications.id, applicationId));
    if (input.decision === "approved") {
      await tx
        .update(networks)
        .set({ programmeId: application.programmeId })
        .where(eq(networks.id, application.networkId));
    }
  });
}

/** Stap 2: the coordinator counts facilitated meetings; past the programme's limit the network directs itself. */
export async function recordFacilitatedMeeting(db: Db, net: SignedInNetwork) {
  const { actor, network } = net;
  authorize(
    isCoordinatorFor(actor, network.programmeId, network.regionId) || actor.isPlatformAdmin,
  );
  // Counted in the database: two coordinators clicking at once count two meetings.
  await db
    .update(networks)
    .set({ facilitatedMeetingsHeld: sql`${networks.facilitatedMeetingsHeld} + 1` })
    .where(eq(networks.id, net.id));
}

export async function setContinuation(
  db: Db,
  net: SignedInNetwork,
  choice: "continues" | "stops" | "intends",
) {
  authorize(canManageNetwork(net.actor, net.access));
  await db.update(networks).set({ continuation: choice }).where(eq(networks.id, net.id));
}

/**
 * How far a programme-facilitated network is: null when the programme sets no limit. Takes the
 * programme the network page already loaded (getNetwork), so it costs no query.
 */
export function facilitationStatus(
  network: Network,
  programme: Pick<typeof programmes.$inferSelect, "facilitatedMeetingsLimit"> | null,
) {
  if (!network.programmeId || !programme?.facilitatedMeetingsLimit) return null;
  return {
    limit: programme.facilitatedMeetingsLimit,
    held: network.facilitatedMeetingsHeld,
    selfDirected: network.facilitatedMeetingsHeld >= programme.facilitatedMeetingsLimit,
  };
}
