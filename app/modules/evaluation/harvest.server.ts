import { and, asc, desc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "#app/db/client.server.ts";
import {
  harvestOutcomes,
  harvestPeople,
  learningQuestions,
  networkMembers,
  networks,
  organisationMembers,
  organisations,
  users,
} from "#app/db/schema/index.ts";
import { hasGrant, type MaybeActor } from "#app/platform/actor.ts";
import { authorize, notFound } from "#app/platform/errors.ts";
import { storeUpload } from "#app/platform/files.server.ts";
import { FieldError } from "#app/platform/forms.ts";
import { isUuid } from "#app/platform/ids.ts";
import { cappedCount } from "#app/platform/paging.server.ts";
import { countCap, type Page, pageOf, pagerOf } from "#app/platform/paging.ts";
import {
  loadNetworkAccess,
  requireNetworkRight,
  type SignedInNetwork,
} from "../networks/network-access.server.ts";
import { canManageNetwork, isNetworkGuide, isNetworkMember } from "../networks/networks.policy.ts";
import { confirmedWorkplace } from "../organisations/workplaces.server.ts";

export interface OutcomeInput {
  title: string;
  answer: string;
  learningQuestionId: string | null;
  people: string[];
  schoolId: string | null;
}

/** A network's harvest: its outcomes with who is named and who agreed, for members only. */
export async function getHarvest(db: DbOrTx, authorized: SignedInNetwork) {
  requireNetworkRight(
    authorized,
    (actor, access) => isNetworkMember(access) || canManageNetwork(actor, access),
    "not-found",
  );
  const { network, access, actor, id: networkId } = authorized;
  const outcomes = await db
    .select({
      id: harvestOutcomes.id,
      title: harvestOutcomes.title,
      answer: harvestOutcomes.answer,
      fileId: harvestOutcomes.fileId,
      schoolId: harvestOutcomes.schoolId,
      schoolName: organisations.name,
      schoolConsentAt: harvestOutcomes.schoolConsentAt,
      publishRequestedAt: harvestOutcomes.publishRequestedAt,
      publishedAt: harvestOutcomes.publishedAt,
      createdBy: harvestOutcomes.createdBy,
      question: learningQuestions.text,
    })
    .from(harvestOutcomes)
    .leftJoin(organisations, eq(organisations.id, harvestOutcomes.schoolId))
    .leftJoin(learningQuestions, eq(learningQuestions.id, harvestOutcomes.learningQuestionId))
    .where(eq(harvestOutcomes.networkId, networkId))
    .orderBy(desc(harvestOutcomes.createdAt));
  const named = outcomes.length
    ? await db
        .select({
          outcomeId: harvestPeople.outcomeId,
          userId: harvestPeople.userId,
          name: users.name,
          consentAt: harvestPeople.consentAt,
        })
        .from(harvestPeople)
        .innerJoin(users, eq(users.id, harvestPeople.userId))
        .where(
          inArray(
            harvestPeople.outcomeId,
            outcomes.map((o) => o.id),
          ),
        )
        .orderBy(asc(users.name))
    : [];
  const members = await db
    .select({ userId: users.id, name: users.name })
    .from(networkMembers)
    .innerJoin(users, eq(users.id, networkMembers.userId))
    .where(and(eq(networkMembers.networkId, networkId), eq(networkMembers.status, "active")))
    .orderBy(asc(users.name));
  const questions = await db
    .select({
      id: learningQuestions.id,
      text: learningQuestions.text,
      userId: learningQuestions.userId,
    })
    .from(learningQuestions)
    .where(
      and(
        eq(learningQuestions.networkId, networkId),
        isNetworkGuide(access) ? undefined : eq(learningQuestions.userId, actor.userId),
      ),
    );
  const schools = await db
    .selectDistinct({ id: organisations.id, name: organisations.name })
    .from(organisationMembers)
    .innerJoin(organisations, eq(organisations.id, organisationMembers.organisationId))
    .innerJoin(
      networkMembers,
      and(
        eq(networkMembers.userId, organisationMembers.userId),
        eq(networkMembers.networkId, networkId),
        eq(networkMembers.status, "active"),
      ),
    )
    .where(confirmedWorkplace)
    .orderBy(asc(organisations.name));
  return {
    network,
    phase: network.phase,
    isGuide: isNetworkGuide(access),
    canRecord: isNetworkMember(access),
    members,
    questions,
    schools,
    outcomes: outcomes.map((outcome) => ({
      ...outcome,
      people: named.filter((n) => n.outcomeId === outcome.id),
      mayAgreeForSchool:
        !!outcome.schoolId &&
        !outcome.schoolConsentAt &&
        hasGrant(actor, "organisation-admin", outcome.schoolId),
    })),
  };
}

/** Recording an outcome: the network's members (others get the 404); run before validating. */
export function requireCanRecordOutcome(network: SignedInNetwork) {
  requireNetworkRight(network, (_actor, access) => isNetworkMember(access), "not-found");
}

/**
 * The file is stored here, after the member check and in the outcome's transaction: a refused or
 * failing outcome leaves no file behind (the route only hands over the browser's File).
 */
export async function recordOutcome(
  db: Db,
  authorized: SignedInNetwork,
  input: OutcomeInput,
  file: File | null = null,
) {
  requireCanRecordOutcome(authorized);
  const { network, access, actor, id: networkId } = authorized;
  return db.transaction(async (tx) => {
    if (network.phase !== "oogsten") throw new FieldError("title", "error.harvest.phase");
    const stored = file ? await storeUpload(tx, "file", file, actor.userId) : null;
    if (input.learningQuestionId) {
      const [question] = await tx
        .select({ userId: learningQuestions.userId })
        .from(learningQuestions)
        .where(
          and(
            eq(learningQuestions.id, input.learningQuestionId),
            eq(learningQuestions.networkId, networkId),
          ),
        );
      if (!question || (question.userId !== actor.userId && !isNetworkGuide(access)))
        throw new FieldError("learningQuestionId", "error.harvest.question");
    }
    const people = [...new Set(input.people)];
    if (people.length) {
      const active = await tx
        .select({ userId: networkMembers.userId })
        .from(networkMembers)
        .where(
          and(
            eq(networkMembers.networkId, networkId),
            eq(networkMembers.status, "active"),
            inArray(networkMembers.userId, people),
          ),
        );
      if (active.length !== people.length) throw new FieldError("people", "error.harvest.people");
    }
    const [outcome] = await tx
      .insert(harvestOutcomes)
      .values({
        networkId,
        title: input.title,
        answer: input.answer,
        learningQuestionId: input.learningQuestionId,
        schoolId: input.schoolId,
        fileId: stored?.id ?? null,
        createdBy: actor.userId,
      })
      .returning({ id: harvestOutcomes.id });
    if (!outcome) throw new Error("outcome not stored");
    if (people.length) {
      await tx.insert(harvestPeople).values(
        people.map((userId) => ({
          outcomeId: outcome.id,
          userId,
          consentAt: userId === actor.userId ? new Date() : null,
        })),
      );
    }
    return outcome.id;
  });
}

async function findOutcome(db: DbOrTx, networkId: string, outcomeId: string) {
  if (!isUuid(outcomeId)) notFound();
  const [outcome] = await db
    .select()
    .from(harvestOutcomes)
    .where(and(eq(harvestOutcomes.id, outcomeId), eq(harvestOutcomes.networkId, networkId)));
  if (!outcome) notFound();
  return outcome;
}

/** Published once asked for and every named person agreed; nothing is published without that. */
async function publishIfAgreed(tx: DbOrTx, outcomeId: string) {
  const [outcome] = await tx
    .select()
    .from(harvestOutcomes)
    .where(eq(harvestOutcomes.id, outcomeId));
  if (!outcome?.publishRequestedAt || outcome.publishedAt) return;
  const waiting = await tx
    .select({ userId: harvestPeople.userId })
    .from(harvestPeople)
    .where(and(eq(harvestPeople.outcomeId, outcomeId), isNull(harvestPeople.consentAt)));
  if (waiting.length === 0)
    await tx
      .update(harvestOutcomes)
      .set({ publishedAt: new Date() })
      .where(eq(harvestOutcomes.id, outcomeId));
}

export async function requestPublication(db: Db, network: SignedInNetwork, outcomeId: string) {
  const { access, actor, id: networkId } = network;
  await db.transaction(async (tx) => {
    const outcome = await findOutcome(tx, networkId, outcomeId);
    authorize(isNetworkGuide(access) || outcome.createdBy === actor.userId);
    await tx
      .update(harvestOutcomes)
      .set({ publishRequestedAt: new Date() })
      .where(eq(harvestOutcomes.id, outcomeId));
    await publishIfAgreed(tx, outcomeId);
  });
}

export async function giveConsent(db: Db, network: SignedInNetwork, outcomeId: string) {
  const { actor, id: networkId } = network;
  await db.transaction(async (tx) => {
    await findOutcome(tx, networkId, outcomeId);
    const updated = await tx
      .update(harvestPeople)
      .set({ consentAt: new Date() })
      .where(and(eq(harvestPeople.outcomeId, outcomeId), eq(harvestPeople.userId, actor.userId)))
      .returning();
    if (!updated.length) notFound();
    await publishIfAgreed(tx, outcomeId);
  });
}

/** The school's admin agrees to be named as voorbeeldschool. */
export async function giveSchoolConsent(db: Db, network: SignedInNetwork, outcomeId: string) {
  const { actor } = network;
  const outcome = await findOutcome(db, network.id, outcomeId);
  authorize(!!outcome.schoolId && hasGrant(actor, "organisation-admin", outcome.schoolId));
  await db
    .update(harvestOutcomes)
    .set({ schoolConsentAt: new Date() })
    .where(eq(harvestOutcomes.id, outcomeId));
}

const practiceColumns = {
  id: harvestOutcomes.id,
  title: harvestOutcomes.title,
  answer: harvestOutcomes.answer,
  fileId: harvestOutcomes.fileId,
  publishedAt: harvestOutcomes.publishedAt,
  networkId: networks.id,
  networkName: networks.name,
  schoolName: sql<
    string | null
  >`case when ${harvestOutcomes.schoolConsentAt} is not null then ${organisations.name} end`,
};

/** Good practices per page. */
export const practicesPerPage = 20;

/** Published good practices for everyone, newest first, a page at a time, searchable in Dutch. */
export async function listGoodPractices(
  db: DbOrTx,
  query: string,
  page: Page = { page: 1, perPage: practicesPerPage, offset: 0 },
) {
  const q = query.trim();
  const tsQuery = sql`websearch_to_tsquery('dutch', ${q})`;
  const where = and(
    isNotNull(harvestOutcomes.publishedAt),
    q ? sql`${harvestOutcomes.searchVector} @@ ${tsQuery}` : undefined,
  );
  const total = await cappedCount(
    db,
    db.select({ id: harvestOutcomes.id }).from(harvestOutcomes).where(where).$dynamic(),
  );
  // A search shows the best match first; a word found in over a thousand practices shows the
  // newest first. The choice also keeps both fast: a rare word's few matches come from the
  // full-text index and are ranked (no index gives that order, so nothing walks all practices
  // looking for one that matches), a common word's newest matches come from walking the date
  // index, where nearly every row matches.
  const ranked = q && !total.more;
  // The at most thousand matches, read as the count read them: ranking then sorts only those,
  // however common the planner believes the word to be.
  const matches = ranked
    ? inArray(
        harvestOutcomes.id,
        db
          .select({ id: harvestOutcomes.id })
          .from(harvestOutcomes)
          .where(where)
          .limit(countCap + 1),
      )
    : undefined;
  const order = ranked
    ? [
        desc(sql`ts_rank(${harvestOutcomes.searchVector}, ${tsQuery})`),
        desc(harvestOutcomes.publishedAt),
        desc(harvestOutcomes.id),
      ]
    : [desc(harvestOutcomes.publishedAt), desc(harvestOutcomes.id)];
  const rows = await db
    .select(practiceColumns)
    .from(harvestOutcomes)
    .innerJoin(networks, eq(networks.id, harvestOutcomes.networkId))
    .leftJoin(organisations, eq(organisations.id, harvestOutcomes.schoolId))
    .where(and(where, matches))
    .orderBy(...order)
    .limit(page.perPage + 1)
    .offset(page.offset);
  const { rows: practices, hasNext } = pageOf(rows, page);
  return { practices, total, pager: pagerOf(page, total, hasNext) };
}

export async function getGoodPractice(db: DbOrTx, outcomeId: string) {
  if (!isUuid(outcomeId)) notFound();
  const [practice] = await db
    .select(practiceColumns)
    .from(harvestOutcomes)
    .innerJoin(networks, eq(networks.id, harvestOutcomes.networkId))
    .leftJoin(organisations, eq(organisations.id, harvestOutcomes.schoolId))
    .where(and(eq(harvestOutcomes.id, outcomeId), isNotNull(harvestOutcomes.publishedAt)));
  if (!practice) notFound();
  const people = await db
    .select({ name: users.name })
    .from(harvestPeople)
    .innerJoin(users, eq(users.id, harvestPeople.userId))
    .where(and(eq(harvestPeople.outcomeId, outcomeId), isNotNull(harvestPeople.consentAt)))
    .orderBy(asc(users.name));
  return { ...practice, people: people.map((p) => p.name) };
}

/** An outcome's attachment: public once published, before that for the network's members. */
export async function harvestFileAccess(db: DbOrTx, actor: MaybeActor, fileId: string) {
  if (!isUuid(fileId)) notFound();
  const [outcome] = await db
    .select()
    .from(harvestOutcomes)
    .where(eq(harvestOutcomes.fileId, fileId));
  if (!outcome) notFound();
  if (outcome.publishedAt) return;
  if (!actor) notFound();
  const { access } = await loadNetworkAccess(db, actor, outcome.networkId);
  if (!isNetworkMember(access)) notFound();
}
