import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "#app/db/client.server.ts";
import {
  learningQuestionRevisions,
  learningQuestions,
  meetings,
  networkMembers,
  users,
} from "#app/db/schema/index.ts";
import { authorize } from "#app/platform/errors.ts";
import { FieldError } from "#app/platform/forms.ts";
import type { SignedInNetwork } from "../networks/network-access.server.ts";
import { isNetworkMember } from "../networks/networks.policy.ts";
import { canGuideMembers } from "./completion.server.ts";
import { listProfessionalThemes } from "./professional-themes.server.ts";
import type { LearningQuestionInput } from "./progress.schema.ts";

export async function getMyLearningQuestion(db: DbOrTx, net: SignedInNetwork) {
  const { network, access, actor, id: networkId } = net;
  authorize(isNetworkMember(access), "not-found");
  const [question] = await db
    .select()
    .from(learningQuestions)
    .where(
      and(eq(learningQuestions.networkId, networkId), eq(learningQuestions.userId, actor.userId)),
    );
  const [revisions, themes, networkMeetings] = await Promise.all([
    question
      ? db
          .select()
          .from(learningQuestionRevisions)
          .where(eq(learningQuestionRevisions.questionId, question.id))
          .orderBy(sql`${learningQuestionRevisions.createdAt} desc`)
      : [],
    listProfessionalThemes(db),
    db
      .select({ id: meetings.id, startsAt: meetings.startsAt, theme: meetings.theme })
      .from(meetings)
      .where(and(eq(meetings.networkId, networkId), sql`${meetings.cancelledAt} is null`))
      .orderBy(asc(meetings.startsAt)),
  ]);
  return {
    network,
    question: question ?? null,
    revisions,
    professionalThemes: themes.map((t) => t.name),
    meetings: networkMeetings,
    canSeeAll: canGuideMembers(access),
  };
}

export async function saveLearningQuestion(
  db: Db,
  net: SignedInNetwork,
  input: LearningQuestionInput,
) {
  const { network, access, actor, id: networkId } = net;
  authorize(isNetworkMember(access), "not-found");
  await db.transaction(async (tx) => {
    const known = new Set((await listProfessionalThemes(tx)).map((t) => t.name));
    if (input.professionalThemes.some((t) => !known.has(t)))
      throw new FieldError("professionalThemes", "error.learningQuestion.themes");
    if (input.themes.some((t) => !network.themes.includes(t)))
      throw new FieldError("themes", "error.learningQuestion.themes");
    const meetingIds = input.meetingIds.length
      ? (
          await tx
            .select({ id: meetings.id })
            .from(meetings)
            .where(and(eq(meetings.networkId, networkId), inArray(meetings.id, input.meetingIds)))
        ).map((m) => m.id)
      : [];
    const [existing] = await tx
      .select()
      .from(learningQuestions)
      .where(
        and(eq(learningQuestions.networkId, networkId), eq(learningQuestions.userId, actor.userId)),
      );
    const values = {
      text: input.text,
      themes: input.themes,
      professionalThemes: input.professionalThemes,
      meetingIds,
      updatedAt: new Date(),
    };
    if (!existing) {
      const [created] = await tx
        .insert(learningQuestions)
        .values({ networkId, userId: actor.userId, ...values })
        .returning({ id: learningQuestions.id });
      if (created)
        await tx
          .insert(learningQuestionRevisions)
          .values({ questionId: created.id, text: input.text });
      return;
    }
    await tx.update(learningQuestions).set(values).where(eq(learningQuestions.id, existing.id));
    if (existing.text !== input.text)
      await tx
        .insert(learningQuestionRevisions)
        .values({ questionId: existing.id, text: input.text });
  });
}

/** All learning questions of the network side by side, for the penvoerder and facilitator. */
export async function listLearningQuestions(db: DbOrTx, net: SignedInNetwork) {
  const { network, access, id: networkId } = net;
  authorize(canGuideMembers(access), "not-found");
  const rows = await db
    .select({
      id: learningQuestions.id,
      name: users.name,
      text: learningQuestions.text,
      themes: learningQuestions.themes,
      professionalThemes: learningQuestions.professionalThemes,
      meetingCount: sql<number>`coalesce(array_length(${learningQuestions.meetingIds}, 1), 0)`,
      updatedAt: learningQuestions.updatedAt,
      revisions: sql<number>`(select count(*)::int from ${learningQuestionRevisions} where ${learningQuestionRevisions.questionId} = ${learningQuestions.id})`,
    })
    .from(learningQuestions)
    .innerJoin(users, eq(users.id, learningQuestions.userId))
    .innerJoin(
      networkMembers,
      and(
        eq(networkMembers.userId, learningQuestions.userId),
        eq(networkMembers.networkId, networkId),
        eq(networkMembers.status, "active"),
      ),
    )
    .where(eq(learningQuestions.networkId, networkId))
    .orderBy(asc(users.name));
  return { network, questions: rows };
}
