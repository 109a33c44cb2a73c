import { and, asc, count, desc, eq, isNull, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "#app/db/client.server.ts";
import { qualified } from "#app/db/qualified.ts";
import {
  meetings,
  networkMembers,
  networks,
  surveyAnswers,
  surveyInvitations,
  surveyItems,
  surveyResponses,
  surveys,
  users,
} from "#app/db/schema/index.ts";
import { notFound } from "#app/platform/errors.ts";
import { FieldError } from "#app/platform/forms.ts";
import { isUuid } from "#app/platform/ids.ts";
import { type JobHandler, scheduleJob } from "#app/platform/jobs.server.ts";
import { sendTemplatedMail } from "#app/platform/mailer.server.ts";
import { hashToken, newToken } from "#app/platform/tokens.server.ts";
import {
  requireCanManageNetwork,
  type SignedInNetwork,
} from "../networks/network-access.server.ts";
import { notify } from "../notifications/notify.server.ts";
import type { SurveyDefinition } from "./evaluation.schema.ts";
import { evaluationTemplate, minimumAnswers } from "./survey-template.ts";

/** A network's surveys are its managers' work; for others the pages do not exist. */
function manageable(network: SignedInNetwork) {
  requireCanManageNetwork(network, "not-found");
  return { network: network.network, actor: network.actor, networkId: network.id };
}

async function findSurvey(db: DbOrTx, networkId: string, surveyId: string) {
  if (!isUuid(surveyId)) notFound();
  const [survey] = await db
    .select()
    .from(surveys)
    .where(and(eq(surveys.id, surveyId), eq(surveys.networkId, networkId)));
  if (!survey) notFound();
  return survey;
}

export async function listSurveys(db: DbOrTx, authorized: SignedInNetwork) {
  const { network, networkId } = manageable(authorized);
  const rows = await db
    .select({
      id: surveys.id,
      title: surveys.title,
      kind: surveys.kind,
      anonymous: surveys.anonymous,
      sentAt: surveys.sentAt,
      invited: sql<number>`(select count(*)::int from ${surveyInvitations} where ${qualified(surveyInvitations.surveyId)} = ${qualified(surveys.id)})`,
      answered: sql<number>`(select count(*)::int from ${surveyInvitations} where ${qualified(surveyInvitations.surveyId)} = ${qualified(surveys.id)} and ${qualified(surveyInvitations.answered)})`,
    })
    .from(surveys)
    .where(eq(surveys.networkId, networkId))
    .orderBy(desc(surveys.createdAt));
  return { network, surveys: rows };
}

/**
 * A survey from the evaluation template. A closing survey is offered before or during the last
 * meeting, never after: surveys sent after a programme go unanswered.
 */
export async function createSurvey(
  db: Db,
  authorized: SignedInNetwork,
  input: SurveyDefinition,
  now = new Date(),
) {
  const { actor, networkId } = manageable(authorized);
  return db.transaction(async (tx) => {
    if (input.kind === "closing") {
      const [last] = await tx
        .select({ endsAt: meetings.endsAt })
        .from(meetings)
        .where(and(eq(meetings.networkId, networkId), isNull(meetings.cancelledAt)))
        .orderBy(desc(meetings.startsAt))
        .limit(1);
      if (last && last.endsAt < now) throw new FieldError("kind", "error.survey.closingTooLate");
    }
    const [baseline] =
      input.kind === "baseline"
        ? []
        : await tx
            .select({ id: surveys.id })
            .from(surveys)
            .where(and(eq(surveys.networkId, networkId), eq(surveys.kind, "baseline")))
            .orderBy(desc(surveys.createdAt))
            .limit(1);
    const items = [
      ...(input.useTemplate ? evaluationTemplate.map((item) => ({ ...item })) : []),
      ...input.extraItems.map((item) => ({ ...item, code: `eigen:${item.text.toLowerCase()}` })),
    ];
    const texts = items.map((item) => item.text.toLowerCase());
    if (new Set(texts).size !== texts.length)
      throw new FieldError("extraItems", "error.survey.duplicateItems");
    const [survey] = await tx
      .insert(surveys)
      .values({
        networkId,
        kind: input.kind,
        title: input.title,
        anonymous: input.anonymous,
        scaleLabels: input.scaleLabels,
        baselineId: baseline?.id ?? null,
        createdBy: actor.userId,
      })
      .returning({ id: surveys.id });
    if (!survey) throw new Error("survey not created");
    await tx.insert(surveyItems).values(
      items.map((item, position) => ({
        surveyId: survey.id,
        position,
        code: item.code,
        kind: item.kind,
        text: item.text,
      })),
    );
    return survey.id;
  });
}

/** Sends each participant a one-time link (no second login) and records only that they were asked. */
export async function sendSurvey(
  db: Db,
  authorized: SignedInNetwork,
  surveyId: string,
  mail: { baseUrl: string },
) {
  const { network, networkId } = manageable(authorized);
  return db.transaction(async (tx) => {
    const survey = await findSurvey(tx, networkId, surveyId);
    if (survey.sentAt) throw new FieldError("form", "error.survey.alreadySent");
    const members = await tx
      .select({ userId: users.id, name: users.name, email: users.email, locale: users.locale })
      .from(networkMembers)
      .innerJoin(users, eq(users.id, networkMembers.userId))
      .where(
        and(
          eq(networkMembers.networkId, networkId),
          eq(networkMembers.status, "active"),
          eq(networkMembers.role, "deelnemer"),
          isNull(users.disabledAt),
        ),
      );
    for (const member of members) {
      const token = newToken();
      await tx
        .insert(surveyInvitations)
        .values({ surveyId, userId: member.userId, tokenHash: hashToken(token) });
      // The bell never holds the one-time link (a key): it points to the start page, whose
      // list of surveys to answer hands out a fresh link to the signed-in invitee.
      await notify(
        tx,
        {
          userId: member.userId,
          kind: "survey-invitation",
          actorId: authorized.actor.userId,
          networkId,
          subject: survey.title,
          link: "/",
        },
        () =>
          sendTemplatedMail(tx, member, "mail.survey", {
            name: member.name,
            network: network.name,
            title: survey.title,
            // The mail says it in the member's language (a select in the template).
            anonymous: survey.anonymous ? "yes" : "no",
            link: `${mail.baseUrl}/vragenlijst/${token}`,
          }),
      );
    }
    await tx.update(surveys).set({ sentAt: new Date() }).where(eq(surveys.id, surveyId));
    await scheduleJob(tx, {
      kind: "survey-reminder",
      key: `survey-reminder:${surveyId}`,
      payload: { surveyId, baseUrl: mail.baseUrl },
      runAt: new Date(Date.now() + reminderDelayDays * 86_400_000),
    });
    return members.length;
  });
}

/** A reminder to those who have not answered, with a fresh link (the old one stops). */
/** Each participant who has not answered gets a fresh link (the old one stops). */
async function remindUnanswered(
  tx: DbOrTx,
  survey: { id: string; title: string },
  networkName: string,
  baseUrl: string,
) {
  const open = await tx
    .select({ userId: users.id, name: users.name, email: users.email, locale: users.locale })
    .from(surveyInvitations)
    .innerJoin(users, eq(users.id, surveyInvitations.userId))
    .where(and(eq(surveyInvitations.surveyId, survey.id), eq(surveyInvitations.answered, false)));
  for (const member of open) {
    const token = newToken();
    await tx
      .update(surveyInvitations)
      .set({ tokenHash: hashToken(token), remindedAt: new Date() })
      .where(
        and(eq(surveyInvitations.surveyId, survey.id), eq(surveyInvitations.userId, member.userId)),
      );
    await sendTemplatedMail(tx, member, "mail.surveyReminder", {
      name: member.name,
      network: networkName,
      title: survey.title,
      link: `${baseUrl}/vragenlijst/${token}`,
    });
  }
  return open.length;
}

/** The facilitator sends a reminder now. */
export async function remindSurvey(
  db: Db,
  authorized: SignedInNetwork,
  surveyId: string,
  mail: { baseUrl: string },
) {
  const { network, networkId } = manageable(authorized);
  return db.transaction(async (tx) => {
    const survey = await findSurvey(tx, networkId, surveyId);
    return remindUnanswered(tx, survey, network.name, mail.baseUrl);
  });
}

/** Three days after sending, the reminder goes out by itself (a durable job). */
const reminderDelayDays = 3;

const sendScheduledReminder: JobHandler = async (db, payload) => {
  await db.transaction(async (tx) => {
    const [survey] = await tx
      .select()
      .from(surveys)
      .where(eq(surveys.id, String(payload.surveyId)));
    if (!survey || survey.closedAt) return;
    const [network] = await tx
      .select({ name: networks.name })
      .from(networks)
      .where(eq(networks.id, survey.networkId));
    await remindUnanswered(tx, survey, network?.name ?? "", String(payload.baseUrl));
  });
};

export const surveyJobHandlers: Record<string, JobHandler> = {
  "survey-reminder": sendScheduledReminder,
};

async function invitationFor(db: DbOrTx, token: string) {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const [invitation] = await db
    .select({
      surveyId: surveyInvitations.surveyId,
      userId: surveyInvitations.userId,
      answered: surveyInvitations.answered,
    })
    .from(surveyInvitations)
    .where(eq(surveyInvitations.tokenHash, hashToken(token)));
  return invitation ?? null;
}

/** The questions behind a one-time link; null when the link is unknown. */
export async function getSurveyForToken(db: DbOrTx, token: string) {
  const invitation = await invitationFor(db, token);
  if (!invitation) return null;
  const [survey] = await db.select().from(surveys).where(eq(surveys.id, invitation.surveyId));
  if (!survey) return null;
  const items = await db
    .select()
    .from(surveyItems)
    .where(eq(surveyItems.surveyId, survey.id))
    .orderBy(asc(surveyItems.position));
  return { survey, items, answered: invitation.answered };
}

/** Stores the answers in one go; scale items 1–5 are required, open items optional. */
export async function submitSurvey(db: Db, token: string, answers: Record<string, string>) {
  await db.transaction(async (tx) => {
    const invitation = await invitationFor(tx, token);
    if (!invitation) notFound();
    if (invitation.answered) throw new FieldError("form", "error.survey.alreadyAnswered");
    const [survey] = await tx.select().from(surveys).where(eq(surveys.id, invitation.surveyId));
    if (!survey || survey.closedAt) throw new FieldError("form", "error.survey.closed");
    const items = await tx.select().from(surveyItems).where(eq(surveyItems.surveyId, survey.id));
    const rows = items.map((item) => {
      const raw = (answers[item.id] ?? "").trim();
      if (item.kind === "scale") {
        const score = Number(raw);
        if (!Number.isInteger(score) || score < 1 || score > 5)
          throw new FieldError(item.id, "error.survey.scale");
        return { itemId: item.id, score, text: "" };
      }
      if (raw.length > 2000) throw new FieldError(item.id, "error.tooLong2000");
      return { itemId: item.id, score: null, text: raw };
    });
    const claimed = await tx
      .update(surveyInvitations)
      .set({ answered: true })
      .where(
        and(
          eq(surveyInvitations.surveyId, survey.id),
          eq(surveyInvitations.userId, invitation.userId),
          eq(surveyInvitations.answered, false),
        ),
      )
      .returning();
    if (!claimed.length) throw new FieldError("form", "error.survey.alreadyAnswered");
    const [response] = await tx
      .insert(surveyResponses)
      .values({ surveyId: survey.id, userId: survey.anonymous ? null : invitation.userId })
      .returning({ id: surveyResponses.id });
    if (!response) throw new Error("response not stored");
    await tx.insert(surveyAnswers).values(rows.map((row) => ({ ...row, responseId: response.id })));
  });
}

async function itemStats(db: DbOrTx, surveyId: string) {
  const items = await db
    .select()
    .from(surveyItems)
    .where(eq(surveyItems.surveyId, surveyId))
    .orderBy(asc(surveyItems.position));
  const [responses] = await db
    .select({ n: count() })
    .from(surveyResponses)
    .where(eq(surveyResponses.surveyId, surveyId));
  const answers = await db
    .select({ itemId: surveyAnswers.itemId, score: surveyAnswers.score, text: surveyAnswers.text })
    .from(surveyAnswers)
    .innerJoin(surveyResponses, eq(surveyResponses.id, surveyAnswers.responseId))
    .where(eq(surveyResponses.surveyId, surveyId));
  return { items, responses: responses?.n ?? 0, answers };
}

/**
 * The report: per scale item the distribution and the mean (with the baseline's mean beside it),
 * and the open answers — but nothing at all below five answers, so no one can be recognised.
 */
export async function getSurveyReport(db: DbOrTx, authorized: SignedInNetwork, surveyId: string) {
  const { network, networkId } = manageable(authorized);
  const survey = await findSurvey(db, networkId, surveyId);
  const current = await itemStats(db, surveyId);
  const [invited] = await db
    .select({ n: count() })
    .from(surveyInvitations)
    .where(eq(surveyInvitations.surveyId, surveyId));
  const visible = current.responses >= minimumAnswers;
  const baseline = survey.baselineId ? await itemStats(db, survey.baselineId) : null;
  const baselineVisible = !!baseline && baseline.responses >= minimumAnswers;
  const mean = (scores: number[]) =>
    scores.length
      ? Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10) / 10
      : null;
  const items = current.items.map((item) => {
    const mine = current.answers.filter((a) => a.itemId === item.id);
    const scores = mine.map((a) => a.score).filter((s): s is number => s !== null);
    const baseItem = baseline?.items.find((b) => b.code === item.code);
    const baseScores = baseItem
      ? (baseline?.answers
          .filter((a) => a.itemId === baseItem.id)
          .map((a) => a.score)
          .filter((s): s is number => s !== null) ?? [])
      : [];
    return {
      id: item.id,
      kind: item.kind,
      text: item.text,
      distribution: visible
        ? [1, 2, 3, 4, 5].map((score) => scores.filter((s) => s === score).length)
        : null,
      mean: visible ? mean(scores) : null,
      baselineMean: baselineVisible ? mean(baseScores) : null,
      // Open answers in a fixed order that says nothing about who wrote them.
      openAnswers: visible
        ? mine
            .map((a) => a.text)
            .filter(Boolean)
            .sort((a, b) => a.localeCompare(b, "nl"))
        : null,
    };
  });
  return {
    network,
    survey,
    invited: invited?.n ?? 0,
    responses: current.responses,
    visible,
    minimum: minimumAnswers,
    items,
  };
}
