import { and, asc, desc, eq, inArray, or, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "#app/db/client.server.ts";
import {
  actionPlanItems,
  actionPlans,
  buddyGroupMembers,
  competenceFrameworks,
  competenceStatements,
  learningQuestions,
  networkMembers,
  networks,
  selfScanScores,
  selfScans,
  users,
} from "#app/db/schema/index.ts";
import { type Actor, grantsOf, type MaybeActor } from "#app/platform/actor.ts";
import { authorize, notFound } from "#app/platform/errors.ts";
import { FieldError } from "#app/platform/forms.ts";
import { isUuid } from "#app/platform/ids.ts";
import {
  loadNetworkAccess,
  requireNetworkMember,
  type SignedInNetwork,
} from "../networks/network-access.server.ts";
import { isNetworkGuide, isNetworkMember } from "../networks/networks.policy.ts";

/** "# Competence" starts a competence, "- statement" adds a statement to it. */
export function parseFramework(text: string) {
  const competences: { name: string; statements: string[] }[] = [];
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (!line) continue;
    if (line.startsWith("#"))
      competences.push({ name: line.replace(/^#+/, "").trim(), statements: [] });
    else if (line.startsWith("-") && competences.length)
      competences.at(-1)?.statements.push(line.slice(1).trim());
    else throw new FieldError("framework", "error.framework.format");
  }
  if (
    !competences.length ||
    competences.some(
      (c) => !c.name || c.statements.length === 0 || c.statements.some((s) => s.length < 5),
    )
  )
    throw new FieldError("framework", "error.framework.format");
  return competences;
}

/** Platform admins and school admins load the framework their organisation uses. */
function canLoadFramework(actor: MaybeActor) {
  return !!actor && (actor.isPlatformAdmin || grantsOf(actor, "organisation-admin").length > 0);
}

/** Authorise before validating: for others the framework page does not exist (404). */
export function assertCanLoadFramework(actor: MaybeActor) {
  authorize(canLoadFramework(actor), "not-found");
}

export async function loadFramework(db: Db, actor: Actor, input: { name: string; text: string }) {
  authorize(canLoadFramework(actor));
  const competences = parseFramework(input.text);
  return db.transaction(async (tx) => {
    const [exists] = await tx
      .select({ id: competenceFrameworks.id })
      .from(competenceFrameworks)
      .where(sql`lower(${competenceFrameworks.name}) = lower(${input.name})`);
    if (exists) throw new FieldError("name", "error.framework.exists");
    const [framework] = await tx
      .insert(competenceFrameworks)
      .values({ name: input.name, createdBy: actor.userId })
      .returning({ id: competenceFrameworks.id });
    if (!framework) throw new Error("framework not stored");
    let position = 0;
    await tx.insert(competenceStatements).values(
      competences.flatMap((c) =>
        c.statements.map((text) => ({
          frameworkId: framework.id,
          competence: c.name,
          position: position++,
          text,
        })),
      ),
    );
    return framework.id;
  });
}

async function listFrameworks(db: DbOrTx) {
  return db
    .select({ id: competenceFrameworks.id, name: competenceFrameworks.name })
    .from(competenceFrameworks)
    .orderBy(asc(competenceFrameworks.name));
}

async function statementsOf(db: DbOrTx, frameworkId: string) {
  return db
    .select()
    .from(competenceStatements)
    .where(eq(competenceStatements.frameworkId, frameworkId))
    .orderBy(asc(competenceStatements.position));
}

/** The profile of a scan: the mean score per competence. */
async function profileOf(db: DbOrTx, scanId: string) {
  return db
    .select({
      competence: competenceStatements.competence,
      mean: sql<number>`round(avg(${selfScanScores.score})::numeric, 1)::float`,
    })
    .from(selfScanScores)
    .innerJoin(competenceStatements, eq(competenceStatements.id, selfScanScores.statementId))
    .where(eq(selfScanScores.scanId, scanId))
    .groupBy(competenceStatements.competence)
    .orderBy(sql`min(${competenceStatements.position})`);
}

async function plansWithItems(db: DbOrTx, where: ReturnType<typeof eq> | ReturnType<typeof and>) {
  const plans = await db
    .select({
      id: actionPlans.id,
      userId: actionPlans.userId,
      owner: users.name,
      sharedWith: actionPlans.sharedWith,
      networkId: actionPlans.networkId,
      networkName: networks.name,
      question: learningQuestions.text,
      createdAt: actionPlans.createdAt,
    })
    .from(actionPlans)
    .innerJoin(users, eq(users.id, actionPlans.userId))
    .leftJoin(networks, eq(networks.id, actionPlans.networkId))
    .leftJoin(learningQuestions, eq(learningQuestions.id, actionPlans.learningQuestionId))
    .where(where)
    .orderBy(desc(actionPlans.createdAt));
  const items = plans.length
    ? await db
        .select()
        .from(actionPlanItems)
        .where(
          inArray(
            actionPlanItems.planId,
            plans.map((p) => p.id),
          ),
        )
        .orderBy(asc(actionPlanItems.position))
    : [];
  return plans.map((plan) => ({ ...plan, items: items.filter((i) => i.planId === plan.id) }));
}

/** Everything on the self-scan page is the actor's own. */
export async function getSelfScan(db: DbOrTx, actor: Actor, frameworkId: string | null) {
  const frameworks = await listFrameworks(db);
  const chosenId = frameworkId && isUuid(frameworkId) ? frameworkId : (frameworks[0]?.id ?? null);
  const framework = frameworks.find((f) => f.id === chosenId) ?? null;
  const [latest] = framework
    ? await db
        .select()
        .from(selfScans)
        .where(and(eq(selfScans.userId, actor.userId), eq(selfScans.frameworkId, framework.id)))
        .orderBy(desc(selfScans.createdAt))
        .limit(1)
    : [];
  const [statements, profile, plans, questions, myNetworks] = await Promise.all([
    framework ? statementsOf(db, framework.id) : [],
    latest ? profileOf(db, latest.id) : [],
    plansWithItems(db, eq(actionPlans.userId, actor.userId)),
    db
      .select({ id: learningQuestions.id, text: learningQuestions.text })
      .from(learningQuestions)
      .where(eq(learningQuestions.userId, actor.userId)),
    db
      .select({ id: networks.id, name: networks.name })
      .from(networkMembers)
      .innerJoin(networks, eq(networks.id, networkMembers.networkId))
      .where(and(eq(networkMembers.userId, actor.userId), eq(networkMembers.status, "active")))
      .orderBy(asc(networks.name)),
  ]);
  return {
    frameworks,
    framework,
    statements,
    latest: latest ?? null,
    profile,
    plans,
    questions,
    networks: myNetworks,
    canLoadFramework: actor.isPlatformAdmin || grantsOf(actor, "organisation-admin").length > 0,
  };
}

export async function submitScan(
  db: Db,
  actor: Actor,
  frameworkId: string,
  scores: Record<string, string>,
) {
  if (!isUuid(frameworkId)) notFound();
  return db.transaction(async (tx) => {
    const statements = await statementsOf(tx, frameworkId);
    if (!statements.length) notFound();
    const rows = statements.map((statement) => {
      const score = Number(scores[statement.id]);
      if (!Number.isInteger(score) || score < 1 || score > 5)
        throw new FieldError(statement.id, "error.survey.scale");
      return { statementId: statement.id, score };
    });
    const [scan] = await tx
      .insert(selfScans)
      .values({ userId: actor.userId, frameworkId })
      .returning({ id: selfScans.id });
    if (!scan) throw new Error("scan not stored");
    await tx.insert(selfScanScores).values(rows.map((row) => ({ ...row, scanId: scan.id })));
    return scan.id;
  });
}

export interface PlanInput {
  scanId: string | null;
  learningQuestionId: string | null;
  networkId: string | null;
  sharedWith: "nobody" | "buddy" | "facilitator";
  items: { goal: string; action: string; dueDate: string | null }[];
}

export async function savePlan(db: Db, actor: Actor, input: PlanInput) {
  return db.transaction(async (tx) => {
    if (input.sharedWith !== "nobody" && !input.networkId)
      throw new FieldError("networkId", "error.plan.network");
    if (input.networkId) {
      const { access } = await loadNetworkAccess(tx, actor, input.networkId);
      if (!isNetworkMember(access)) throw new FieldError("networkId", "error.plan.network");
    }
    if (input.learningQuestionId) {
      const [own] = await tx
        .select({ id: learningQuestions.id })
        .from(learningQuestions)
        .where(
          and(
            eq(learningQuestions.id, input.learningQuestionId),
            eq(learningQuestions.userId, actor.userId),
          ),
        );
      if (!own) throw new FieldError("learningQuestionId", "error.harvest.question");
    }
    if (input.scanId) {
      const [own] = await tx
        .select({ id: selfScans.id })
        .from(selfScans)
        .where(and(eq(selfScans.id, input.scanId), eq(selfScans.userId, actor.userId)));
      if (!own) notFound();
    }
    const [plan] = await tx
      .insert(actionPlans)
      .values({
        userId: actor.userId,
        scanId: input.scanId,
        learningQuestionId: input.learningQuestionId,
        networkId: input.networkId,
        sharedWith: input.sharedWith,
      })
      .returning({ id: actionPlans.id });
    if (!plan) throw new Error("plan not stored");
    await tx
      .insert(actionPlanItems)
      .values(input.items.map((item, position) => ({ ...item, planId: plan.id, position })));
    return plan.id;
  });
}

/** Plans shared in a network with the actor: as the owner's buddy, or as its penvoerder/facilitator. */
export async function getSharedPlans(db: DbOrTx, authorized: SignedInNetwork) {
  requireNetworkMember(authorized);
  const { network, access, actor, id: networkId } = authorized;
  const guide = isNetworkGuide(access);
  const myGroup = db
    .select({ groupId: buddyGroupMembers.groupId })
    .from(buddyGroupMembers)
    .where(
      and(eq(buddyGroupMembers.networkId, networkId), eq(buddyGroupMembers.userId, actor.userId)),
    );
  const buddies = db
    .select({ userId: buddyGroupMembers.userId })
    .from(buddyGroupMembers)
    .where(inArray(buddyGroupMembers.groupId, myGroup));
  const plans = await plansWithItems(
    db,
    and(
      eq(actionPlans.networkId, networkId),
      sql`${actionPlans.userId} <> ${actor.userId}`,
      or(
        and(eq(actionPlans.sharedWith, "buddy"), inArray(actionPlans.userId, buddies)),
        guide ? eq(actionPlans.sharedWith, "facilitator") : sql`false`,
      ),
    ) as ReturnType<typeof and>,
  );
  return { network, plans };
}
