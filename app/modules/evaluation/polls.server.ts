import { and, asc, count, desc, eq, isNull } from "drizzle-orm";
import type { Db, DbOrTx } from "#app/db/client.server.ts";
import { networks, pollBallots, pollOptions, polls, pollVoters } from "#app/db/schema/index.ts";
import type { Actor } from "#app/platform/actor.ts";
import { authorize, notFound } from "#app/platform/errors.ts";
import { FieldError } from "#app/platform/forms.ts";
import { isUuid } from "#app/platform/ids.ts";
import {
  loadNetworkAccess,
  requireCanManageNetwork,
  requireNetworkRight,
  type SignedInNetwork,
} from "../networks/network-access.server.ts";
import { canManageNetwork, isNetworkMember } from "../networks/networks.policy.ts";
import type { BallotInput, PollInput } from "./evaluation.schema.ts";
import { scoreRanking } from "./scoring.ts";

/** Network polls are for its members (and managers read them); programme polls for anyone signed in. */
async function pollAccess(db: DbOrTx, actor: Actor, poll: { networkId: string | null }) {
  if (!poll.networkId) return { canVote: true, canRead: true, canManage: actor.isPlatformAdmin };
  const { access } = await loadNetworkAccess(db, actor, poll.networkId);
  const member = isNetworkMember(access);
  const manage = canManageNetwork(actor, access);
  return { canVote: member, canRead: member || manage, canManage: manage };
}

export async function listNetworkPolls(db: DbOrTx, authorized: SignedInNetwork) {
  const readers = (actor: Actor | null, access: Parameters<typeof isNetworkMember>[0]) =>
    isNetworkMember(access) || canManageNetwork(actor, access);
  requireNetworkRight(authorized, readers, "not-found");
  const { network, access, actor, id: networkId } = authorized;
  const rows = await db
    .select({
      id: polls.id,
      title: polls.title,
      closedAt: polls.closedAt,
      createdAt: polls.createdAt,
    })
    .from(polls)
    .where(eq(polls.networkId, networkId))
    .orderBy(desc(polls.createdAt));
  return { network, polls: rows, canCreate: canManageNetwork(actor, access) };
}

export async function listProgrammePolls(db: DbOrTx) {
  return db
    .select({ id: polls.id, title: polls.title, source: polls.source, closedAt: polls.closedAt })
    .from(polls)
    .where(isNull(polls.networkId))
    .orderBy(desc(polls.createdAt));
}

export async function createPoll(db: Db, network: SignedInNetwork, input: PollInput) {
  requireCanManageNetwork(network);
  const { actor, id: networkId } = network;
  return db.transaction(async (tx) => {
    const [poll] = await tx
      .insert(polls)
      .values({
        networkId,
        title: input.title,
        question: input.question,
        allowOther: input.allowOther,
        createdBy: actor.userId,
      })
      .returning({ id: polls.id });
    if (!poll) throw new Error("poll not created");
    await tx
      .insert(pollOptions)
      .values(input.options.map((label, position) => ({ pollId: poll.id, label, position })));
    return poll.id;
  });
}

async function findPoll(db: DbOrTx, pollId: string) {
  if (!isUuid(pollId)) notFound();
  const [poll] = await db.select().from(polls).where(eq(polls.id, pollId));
  if (!poll) notFound();
  return poll;
}

/** The poll with its results: total points (3-2-1) and the number of times ranked first. */
export async function getPoll(db: DbOrTx, actor: Actor, pollId: string) {
  const poll = await findPoll(db, pollId);
  const can = await pollAccess(db, actor, poll);
  authorize(can.canRead, "not-found");
  const [options, ballots, voted, voters, network] = await Promise.all([
    db
      .select()
      .from(pollOptions)
      .where(eq(pollOptions.pollId, pollId))
      .orderBy(asc(pollOptions.position)),
    db.select().from(pollBallots).where(eq(pollBallots.pollId, pollId)),
    db
      .select({ n: count() })
      .from(pollVoters)
      .where(and(eq(pollVoters.pollId, pollId), eq(pollVoters.userId, actor.userId))),
    db.select({ n: count() }).from(pollBallots).where(eq(pollBallots.pollId, pollId)),
    poll.networkId
      ? db
          .select({ id: networks.id, name: networks.name })
          .from(networks)
          .where(eq(networks.id, poll.networkId))
      : [],
  ]);
  const labelOf = new Map(options.map((o) => [o.id, o.label]));
  const otherLabel = (ballot: (typeof ballots)[number], place: number) => {
    const [at, text] = ballot.other.split(/:(.*)/s);
    return Number(at) === place && text ? `Anders: ${text}` : null;
  };
  const results = scoreRanking(
    options.map((o) => o.label),
    ballots.map((ballot) => ({
      ranked: [ballot.first, ballot.second, ballot.third].map((id, place) =>
        id ? (labelOf.get(id) ?? null) : otherLabel(ballot, place + 1),
      ),
    })),
  );
  return {
    poll,
    network: network[0] ?? null,
    options,
    results,
    respondents: voters[0]?.n ?? 0,
    hasVoted: (voted[0]?.n ?? 0) > 0,
    canVote: can.canVote && !poll.closedAt,
    canManage: can.canManage,
  };
}

/**
 * Authorise before validating: a poll the person may read (others get the 404); closing it is
 * for those who manage it (others: 403). The commands check the same again.
 */
export async function assertPollRight(
  db: DbOrTx,
  actor: Actor,
  pollId: string,
  right: "vote" | "manage",
) {
  const can = await pollAccess(db, actor, await findPoll(db, pollId));
  authorize(can.canRead, "not-found");
  if (right === "manage") authorize(can.canManage);
}

export async function castBallot(db: Db, actor: Actor, pollId: string, input: BallotInput) {
  await db.transaction(async (tx) => {
    const poll = await findPoll(tx, pollId);
    const can = await pollAccess(tx, actor, poll);
    authorize(can.canRead, "not-found");
    if (!can.canVote || poll.closedAt) throw new FieldError("first", "error.ballot.closed");
    const options = new Set(
      (
        await tx
          .select({ id: pollOptions.id })
          .from(pollOptions)
          .where(eq(pollOptions.pollId, pollId))
      ).map((o) => o.id),
    );
    const picks = [input.first, input.second, input.third];
    for (const [i, pick] of picks.entries()) {
      if (pick && pick !== "other" && !options.has(pick))
        throw new FieldError(["first", "second", "third"][i] ?? "first", "error.ballot.option");
    }
    if (picks.includes("other") && !poll.allowOther)
      throw new FieldError("other", "error.ballot.noOther");
    const inserted = await tx
      .insert(pollVoters)
      .values({ pollId, userId: actor.userId })
      .onConflictDoNothing()
      .returning();
    if (!inserted.length) throw new FieldError("first", "error.ballot.already");
    const otherAt = picks.indexOf("other") + 1;
    const option = (pick: string) => (pick && pick !== "other" ? pick : null);
    await tx.insert(pollBallots).values({
      pollId,
      first: option(input.first),
      second: option(input.second),
      third: option(input.third),
      other: otherAt ? `${otherAt}:${input.other}` : "",
    });
  });
}

export async function closePoll(db: DbOrTx, actor: Actor, pollId: string) {
  const poll = await findPoll(db, pollId);
  const can = await pollAccess(db, actor, poll);
  authorize(can.canManage);
  await db.update(polls).set({ closedAt: new Date() }).where(eq(polls.id, pollId));
}
