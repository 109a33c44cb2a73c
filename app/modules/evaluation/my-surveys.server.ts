import { and, asc, eq, isNotNull, isNull } from "drizzle-orm";
import type { DbOrTx } from "#app/db/client.server.ts";
import { networkMembers, networks, surveyInvitations, surveys } from "#app/db/schema/index.ts";
import type { Actor } from "#app/platform/actor.ts";
import { notFound } from "#app/platform/errors.ts";
import { isUuid } from "#app/platform/ids.ts";
import { hashToken, newToken } from "#app/platform/tokens.server.ts";

/** The conditions under which an invitation is still the person's to answer. */
function openInvitation(userId: string) {
  return and(
    eq(surveyInvitations.userId, userId),
    eq(surveyInvitations.answered, false),
    isNotNull(surveys.sentAt),
    isNull(surveys.closedAt),
    eq(networkMembers.status, "active"),
  );
}

/**
 * Surveys the person was asked to answer and has not, of networks they are still an active member
 * of. Read from the surveys of their networks, so the invitation is found by (survey, person).
 */
export async function mySurveysToAnswer(db: DbOrTx, userId: string) {
  return db
    .select({
      id: surveys.id,
      title: surveys.title,
      sentAt: surveys.sentAt,
      networkId: networks.id,
      networkName: networks.name,
    })
    .from(networkMembers)
    .innerJoin(surveys, eq(surveys.networkId, networkMembers.networkId))
    .innerJoin(networks, eq(networks.id, surveys.networkId))
    .innerJoin(
      surveyInvitations,
      and(eq(surveyInvitations.surveyId, surveys.id), eq(surveyInvitations.userId, userId)),
    )
    .where(and(eq(networkMembers.userId, userId), openInvitation(userId)))
    .orderBy(asc(surveys.sentAt));
}

/**
 * The invitee opens their survey from the start page: a fresh one-time link, as a reminder gives
 * (the mailed one stops working). Only we keep its hash; the caller sends the person on to it.
 */
export async function openMySurvey(db: DbOrTx, actor: Actor, surveyId: string) {
  if (!isUuid(surveyId)) notFound();
  const [open] = await db
    .select({ surveyId: surveys.id })
    .from(surveyInvitations)
    .innerJoin(surveys, eq(surveys.id, surveyInvitations.surveyId))
    .innerJoin(
      networkMembers,
      and(eq(networkMembers.networkId, surveys.networkId), eq(networkMembers.userId, actor.userId)),
    )
    .where(and(eq(surveyInvitations.surveyId, surveyId), openInvitation(actor.userId)));
  if (!open) notFound();
  const token = newToken();
  await db
    .update(surveyInvitations)
    .set({ tokenHash: hashToken(token) })
    .where(
      and(eq(surveyInvitations.surveyId, surveyId), eq(surveyInvitations.userId, actor.userId)),
    );
  return token;
}
