import { and, asc, desc, eq, isNull } from "drizzle-orm";
import type { Db, DbOrTx } from "#app/db/client.server.ts";
import {
  confidentialAudit,
  intervisionGroupMembers,
  intervisionGroups,
  intervisionMethods,
  intervisionNotes,
  intervisionSessions,
  networkMembers,
  users,
} from "#app/db/schema/index.ts";
import { authorize, notFound } from "#app/platform/errors.ts";
import { FieldError } from "#app/platform/forms.ts";
import { isUuid } from "#app/platform/ids.ts";
import {
  requireNetworkMember,
  requireNetworkRight,
  type SignedInNetwork,
} from "../networks/network-access.server.ts";
import { isNetworkGuide } from "../networks/networks.policy.ts";
import type { IntervisionGroup } from "./group-access.server.ts";
import { allActiveMembers, tellGroupMembers } from "./groups.server.ts";
import { listMethods } from "./intervision-methods.server.ts";
import type { CaseInput } from "./peergroups.schema.ts";

/**
 * The network's intervision groups. Guides form them, so they see which groups exist and who is
 * in them; members see their own groups. What happens inside is for the group alone.
 */
export async function listIntervisionGroups(db: DbOrTx, authorized: SignedInNetwork) {
  requireNetworkMember(authorized);
  const { network, access, actor, id: networkId } = authorized;
  const me = actor.userId;
  const guide = isNetworkGuide(access);
  const rows = await db
    .select({
      groupId: intervisionGroups.id,
      groupName: intervisionGroups.name,
      userId: users.id,
      name: users.name,
    })
    .from(intervisionGroups)
    .innerJoin(intervisionGroupMembers, eq(intervisionGroupMembers.groupId, intervisionGroups.id))
    .innerJoin(users, eq(users.id, intervisionGroupMembers.userId))
    .where(eq(intervisionGroups.networkId, networkId))
    .orderBy(asc(intervisionGroups.name), asc(users.name));
  const groups = new Map<
    string,
    { id: string; name: string; members: { userId: string; name: string }[] }
  >();
  for (const row of rows) {
    const group = groups.get(row.groupId) ?? { id: row.groupId, name: row.groupName, members: [] };
    group.members.push({ userId: row.userId, name: row.name });
    groups.set(row.groupId, group);
  }
  const all = [...groups.values()].map((g) => ({
    ...g,
    isMine: g.members.some((m) => m.userId === me),
  }));
  const members = guide
    ? await db
        .select({ userId: users.id, name: users.name })
        .from(networkMembers)
        .innerJoin(users, eq(users.id, networkMembers.userId))
        .where(and(eq(networkMembers.networkId, networkId), eq(networkMembers.status, "active")))
        .orderBy(asc(users.name))
    : [];
  return { network, isGuide: guide, groups: guide ? all : all.filter((g) => g.isMine), members };
}

/** Forming intervision groups: the network's guides (others get the 404); run before validating. */
export function requireCanFormIntervisionGroups(network: SignedInNetwork) {
  requireNetworkRight(network, (_a, access) => isNetworkGuide(access), "not-found");
}

export async function createIntervisionGroup(
  db: Db,
  network: SignedInNetwork,
  input: { name: string; userIds: string[] },
) {
  requireCanFormIntervisionGroups(network);
  const { actor, id: networkId } = network;
  return db.transaction(async (tx) => {
    const unique = [...new Set(input.userIds)];
    if (unique.length < 3 || unique.length > 8)
      throw new FieldError("userIds", "error.intervision.size");
    if (!(await allActiveMembers(tx, networkId, unique)))
      throw new FieldError("userIds", "error.intervision.size");
    const [group] = await tx
      .insert(intervisionGroups)
      .values({ networkId, name: input.name, createdBy: actor.userId })
      .returning({ id: intervisionGroups.id });
    if (!group) throw new Error("group not created");
    await tx
      .insert(intervisionGroupMembers)
      .values(unique.map((userId) => ({ groupId: group.id, userId })));
    return group.id;
  });
}

/** A group's sessions, for its members only (group-access.server.ts decides who they are). */
export async function getIntervisionGroup(db: DbOrTx, authorized: IntervisionGroup) {
  const groupId = authorized.id;
  const group = { id: authorized.id, name: authorized.name };
  const members = authorized.members;
  const sessions = await db
    .select({
      id: intervisionSessions.id,
      caseTitle: intervisionSessions.caseTitle,
      caseOwnerId: intervisionSessions.caseOwnerId,
      ownerName: users.name,
      methodName: intervisionMethods.name,
      currentStep: intervisionSessions.currentStep,
      completedAt: intervisionSessions.completedAt,
      createdAt: intervisionSessions.createdAt,
    })
    .from(intervisionSessions)
    .innerJoin(users, eq(users.id, intervisionSessions.caseOwnerId))
    .leftJoin(intervisionMethods, eq(intervisionMethods.id, intervisionSessions.methodId))
    .where(eq(intervisionSessions.groupId, groupId))
    .orderBy(desc(intervisionSessions.createdAt));
  return {
    group,
    members: members.map(({ userId, name }) => ({ userId, name })),
    sessions,
    methods: await listMethods(db),
  };
}

/** A member brings a case; the method's steps are copied so later edits of the list change nothing. */
export async function bringCase(
  db: Db,
  group: IntervisionGroup,
  input: CaseInput,
  linkFor: (sessionId: string) => string,
) {
  const { actor, members, id: groupId } = group;
  return db.transaction(async (tx) => {
    const [method] = await tx
      .select()
      .from(intervisionMethods)
      .where(and(eq(intervisionMethods.id, input.methodId), isNull(intervisionMethods.archived)));
    if (!method) throw new FieldError("methodId", "error.intervision.method");
    const [session] = await tx
      .insert(intervisionSessions)
      .values({
        groupId,
        caseOwnerId: actor.userId,
        caseTitle: input.caseTitle,
        caseText: input.caseText,
        methodId: method.id,
        steps: method.steps,
      })
      .returning({ id: intervisionSessions.id });
    if (!session) throw new Error("session not created");
    await tellGroupMembers(tx, actor, members, "mail.intervisionActivity", linkFor(session.id));
    return session.id;
  });
}

async function loadSession(db: DbOrTx, group: IntervisionGroup, sessionId: string) {
  const groupId = group.id;
  if (!isUuid(sessionId)) notFound();
  const [session] = await db
    .select()
    .from(intervisionSessions)
    .where(and(eq(intervisionSessions.id, sessionId), eq(intervisionSessions.groupId, groupId)));
  if (!session) notFound();
  return { group, session };
}

export async function getSession(db: DbOrTx, authorized: IntervisionGroup, sessionId: string) {
  const { session } = await loadSession(db, authorized, sessionId);
  const { actor, members } = authorized;
  const group = { id: authorized.id, name: authorized.name };
  const notes = await db
    .select({
      id: intervisionNotes.id,
      stepIndex: intervisionNotes.stepIndex,
      body: intervisionNotes.body,
      authorName: users.name,
      createdAt: intervisionNotes.createdAt,
    })
    .from(intervisionNotes)
    .leftJoin(users, eq(users.id, intervisionNotes.authorId))
    .where(eq(intervisionNotes.sessionId, session.id))
    .orderBy(asc(intervisionNotes.createdAt));
  const [method] = session.methodId
    ? await db
        .select({ name: intervisionMethods.name, summary: intervisionMethods.summary })
        .from(intervisionMethods)
        .where(eq(intervisionMethods.id, session.methodId))
    : [];
  const owner = members.find((m) => m.userId === session.caseOwnerId);
  return {
    group,
    session,
    steps: session.steps ?? [],
    method: method ?? null,
    notes,
    ownerName: owner?.name ?? "",
    isOwner: session.caseOwnerId === actor.userId,
  };
}

/**
 * Authorise before validating on a session: its group's members take part (others: 404); closing
 * it and deleting the case are for the case owner (others in the group: 403).
 */
export async function assertSessionRight(
  db: DbOrTx,
  group: IntervisionGroup,
  sessionId: string,
  right: "take-part" | "own",
) {
  const { session } = await loadSession(db, group, sessionId);
  if (right === "own") authorize(session.caseOwnerId === group.actor.userId);
}

/** Start, or move on to the next step (the timer restarts); past the last step the case owner closes. */
export async function advanceSession(db: Db, group: IntervisionGroup, sessionId: string) {
  const { session } = await loadSession(db, group, sessionId);
  if (session.completedAt) throw new FieldError("form", "error.intervision.closed");
  const last = (session.steps?.length ?? 0) - 1;
  if (session.currentStep >= last) throw new FieldError("form", "error.intervision.lastStep");
  await db
    .update(intervisionSessions)
    .set({ currentStep: session.currentStep + 1, stepStartedAt: new Date() })
    .where(
      and(
        eq(intervisionSessions.id, session.id),
        eq(intervisionSessions.currentStep, session.currentStep),
      ),
    );
}

export async function addSessionNote(
  db: Db,
  group: IntervisionGroup,
  sessionId: string,
  body: string,
) {
  const { actor } = group;
  const { session } = await loadSession(db, group, sessionId);
  if (session.completedAt) throw new FieldError("body", "error.intervision.closed");
  await db.insert(intervisionNotes).values({
    sessionId: session.id,
    authorId: actor.userId,
    stepIndex: Math.max(0, session.currentStep),
    body,
  });
}

/** The case owner closes with their insight and next step. */
export async function closeSession(
  db: Db,
  group: IntervisionGroup,
  sessionId: string,
  input: { insight: string; nextStep: string },
) {
  const { actor } = group;
  const { session } = await loadSession(db, group, sessionId);
  authorize(session.caseOwnerId === actor.userId);
  if (session.currentStep < 0) throw new FieldError("insight", "error.intervision.notStarted");
  await db
    .update(intervisionSessions)
    .set({ ...input, completedAt: new Date(), currentStep: session.steps?.length ?? 0 })
    .where(eq(intervisionSessions.id, session.id));
}

/**
 * The case owner may delete their case at any time: the case, every note on it, gone. The log
 * keeps that it happened, by whom and in which group, never what it was about.
 */
export async function deleteCase(db: Db, group: IntervisionGroup, sessionId: string) {
  const { actor, id: groupId } = group;
  await db.transaction(async (tx) => {
    const { session } = await loadSession(tx, group, sessionId);
    authorize(session.caseOwnerId === actor.userId);
    await tx.delete(intervisionSessions).where(eq(intervisionSessions.id, session.id));
    await tx
      .insert(confidentialAudit)
      .values({ event: "intervision.case-deleted", groupId, actorId: actor.userId });
  });
}
