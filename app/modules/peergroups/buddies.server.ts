import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Db, DbOrTx } from "#app/db/client.server.ts";
import {
  buddyAgreements,
  buddyGroupMembers,
  buddyGroups,
  buddyMeetings,
  buddyNotes,
  networkMembers,
  organisations,
  users,
} from "#app/db/schema/index.ts";
import { amsterdamToInstant } from "#app/i18n/dates.ts";
import type { Actor, MaybeActor } from "#app/platform/actor.ts";
import { FieldError } from "#app/platform/forms.ts";
import { authorize, notFound } from "#app/platform/http.server.ts";
import { toICalendar } from "#app/platform/ical.ts";
import { isUuid } from "#app/platform/ids.ts";
import { isNetworkGuide, isNetworkMember } from "../networks/networks.policy.ts";
import { loadNetworkAccess } from "../networks/network-access.server.ts";
import { allActiveMembers, tellGroupMembers } from "./groups.server.ts";
import type { BuddyMeetingInput } from "./peergroups.schema.ts";

async function loadMemberNetwork(db: DbOrTx, actor: MaybeActor, networkId: string) {
  const loaded = await loadNetworkAccess(db, actor, networkId);
  authorize(!!actor && isNetworkMember(loaded.access), "not-found");
  return loaded;
}

async function activeMembers(db: DbOrTx, networkId: string) {
  return db
    .select({
      userId: users.id,
      name: users.name,
      role: networkMembers.role,
      organisationId: networkMembers.organisationId,
      organisationName: organisations.name,
      regionId: organisations.regionId,
    })
    .from(networkMembers)
    .innerJoin(users, eq(users.id, networkMembers.userId))
    .leftJoin(organisations, eq(organisations.id, networkMembers.organisationId))
    .where(and(eq(networkMembers.networkId, networkId), eq(networkMembers.status, "active")))
    .orderBy(asc(users.name));
}

export interface Candidate {
  userId: string;
  organisationId: string | null;
  regionId: string | null;
}

/**
 * Groups of about `size` that mix schools and regions (seed V: maatjes from other schools):
 * people are dealt out like cards, sorted so that colleagues from one school and one region
 * land in different groups.
 */
export function suggestBuddyGroups<T extends Candidate>(people: T[], size: number): T[][] {
  if (people.length < 2) return [];
  // As many groups as keep each at `size` or more, but never above five.
  const count = Math.max(1, Math.floor(people.length / size), Math.ceil(people.length / 5));
  const sorted = [...people].sort(
    (a, b) =>
      (a.regionId ?? "").localeCompare(b.regionId ?? "") ||
      (a.organisationId ?? "").localeCompare(b.organisationId ?? "") ||
      a.userId.localeCompare(b.userId),
  );
  const groups: T[][] = Array.from({ length: count }, () => []);
  sorted.forEach((person, i) => {
    groups[i % count]?.push(person);
  });
  return groups;
}

/** Buddy groups of a network, the members not yet in one, and a suggestion for the guide. */
export async function listBuddyGroups(db: DbOrTx, actor: Actor, networkId: string, size = 3) {
  const { network, access } = await loadMemberNetwork(db, actor, networkId);
  const members = await activeMembers(db, networkId);
  const grouped = await db
    .select({ groupId: buddyGroupMembers.groupId, userId: buddyGroupMembers.userId })
    .from(buddyGroupMembers)
    .where(eq(buddyGroupMembers.networkId, networkId));
  const groupIds = [...new Set(grouped.map((g) => g.groupId))];
  const nameOf = new Map(members.map((m) => [m.userId, m.name]));
  const unpaired = members.filter(
    (m) => m.role === "deelnemer" && !grouped.some((g) => g.userId === m.userId),
  );
  const guide = isNetworkGuide(access);
  return {
    network,
    isTeacher: guide,
    groups: groupIds.map((id) => ({
      id,
      members: grouped
        .filter((g) => g.groupId === id)
        .map((g) => ({ userId: g.userId, name: nameOf.get(g.userId) ?? "" })),
    })),
    unpaired: unpaired.map(({ userId, name }) => ({ userId, name })),
    suggestion: guide
      ? suggestBuddyGroups(unpaired, size).map((group) =>
          group.map((m) => ({ userId: m.userId, name: m.name, school: m.organisationName ?? "" })),
        )
      : [],
    myGroupId: grouped.find((g) => g.userId === actor.userId)?.groupId ?? null,
  };
}

async function insertBuddyGroup(tx: DbOrTx, actor: Actor, networkId: string, userIds: string[]) {
  if (!(await allActiveMembers(tx, networkId, userIds)))
    throw new FieldError("userIds", "error.buddies.pick");
  const taken = await tx
    .select({ userId: buddyGroupMembers.userId })
    .from(buddyGroupMembers)
    .where(
      and(eq(buddyGroupMembers.networkId, networkId), inArray(buddyGroupMembers.userId, userIds)),
    );
  if (taken.length) throw new FieldError("userIds", "error.buddies.taken");
  const [group] = await tx
    .insert(buddyGroups)
    .values({ networkId, createdBy: actor.userId })
    .returning({ id: buddyGroups.id });
  if (!group) throw new Error("buddy group not created");
  await tx
    .insert(buddyGroupMembers)
    .values(userIds.map((userId) => ({ groupId: group.id, networkId, userId })));
  return group.id;
}

/**
 * Forms a buddy group: the guide groups any participants; a participant forms one with
 * colleagues (they must be in it themself).
 */
export async function formBuddyGroup(db: Db, actor: Actor, networkId: string, userIds: string[]) {
  return db.transaction(async (tx) => {
    const { access } = await loadMemberNetwork(tx, actor, networkId);
    const unique = [...new Set(userIds)];
    if (unique.length < 2 || unique.length > 5)
      throw new FieldError("userIds", "error.buddies.size");
    if (!isNetworkGuide(access) && !unique.includes(actor.userId))
      throw new FieldError("userIds", "error.buddies.includeSelf");
    return insertBuddyGroup(tx, actor, networkId, unique);
  });
}

/** The guide accepts the suggestion: all its groups are formed together or none. */
export async function formSuggestedGroups(db: Db, actor: Actor, networkId: string, size: number) {
  return db.transaction(async (tx) => {
    const view = await listBuddyGroups(tx, actor, networkId, size);
    authorize(view.isTeacher);
    if (!view.suggestion.length) throw new FieldError("size", "error.buddies.nobodyLeft");
    for (const group of view.suggestion) {
      await insertBuddyGroup(
        tx,
        actor,
        networkId,
        group.map((m) => m.userId),
      );
    }
    return view.suggestion.length;
  });
}

export async function dissolveBuddyGroup(db: Db, actor: Actor, networkId: string, groupId: string) {
  const { access } = await loadMemberNetwork(db, actor, networkId);
  authorize(isNetworkGuide(access));
  if (!isUuid(groupId)) notFound();
  await db
    .delete(buddyGroups)
    .where(and(eq(buddyGroups.id, groupId), eq(buddyGroups.networkId, networkId)));
}

/**
 * A buddy group's space is for its members only: the network's guides and coordinators get
 * the same 404 as a stranger.
 */
async function loadBuddyGroup(db: DbOrTx, actor: MaybeActor, networkId: string, groupId: string) {
  if (!actor || !isUuid(groupId)) notFound();
  const { network, access } = await loadNetworkAccess(db, actor, networkId);
  // A member who left the network leaves its confidential groups too.
  if (!isNetworkMember(access)) notFound();
  const members = await db
    .select({ userId: users.id, name: users.name, email: users.email, locale: users.locale })
    .from(buddyGroupMembers)
    .innerJoin(users, eq(users.id, buddyGroupMembers.userId))
    .where(and(eq(buddyGroupMembers.groupId, groupId), eq(buddyGroupMembers.networkId, networkId)))
    .orderBy(asc(users.name));
  if (!members.some((m) => m.userId === actor.userId)) notFound();
  return { network, members };
}

export async function getBuddySpace(
  db: DbOrTx,
  actor: MaybeActor,
  networkId: string,
  groupId: string,
) {
  const { network, members } = await loadBuddyGroup(db, actor, networkId, groupId);
  const notes = await db
    .select({
      id: buddyNotes.id,
      body: buddyNotes.body,
      authorName: users.name,
      createdAt: buddyNotes.createdAt,
    })
    .from(buddyNotes)
    .leftJoin(users, eq(users.id, buddyNotes.authorId))
    .where(eq(buddyNotes.groupId, groupId))
    .orderBy(desc(buddyNotes.createdAt));
  const agreements = await db
    .select()
    .from(buddyAgreements)
    .where(eq(buddyAgreements.groupId, groupId))
    .orderBy(asc(buddyAgreements.createdAt));
  const meetings = await db
    .select()
    .from(buddyMeetings)
    .where(eq(buddyMeetings.groupId, groupId))
    .orderBy(asc(buddyMeetings.startsAt));
  return {
    network,
    groupId,
    members: members.map(({ userId, name }) => ({ userId, name })),
    notes,
    agreements,
    meetings,
  };
}

/** Authorise before validating: a buddy group's forms are for its own members (others: 404). */
export async function assertInBuddyGroup(
  db: DbOrTx,
  actor: MaybeActor,
  networkId: string,
  groupId: string,
) {
  await loadBuddyGroup(db, actor, networkId, groupId);
}

export async function addBuddyNote(
  db: Db,
  actor: Actor,
  networkId: string,
  groupId: string,
  body: string,
  link: string,
) {
  await db.transaction(async (tx) => {
    const { members } = await loadBuddyGroup(tx, actor, networkId, groupId);
    await tx.insert(buddyNotes).values({ groupId, authorId: actor.userId, body });
    await tellGroupMembers(tx, actor, members, "mail.buddyActivity", link);
  });
}

export async function addAgreement(
  db: Db,
  actor: Actor,
  networkId: string,
  groupId: string,
  text: string,
) {
  await loadBuddyGroup(db, actor, networkId, groupId);
  await db.insert(buddyAgreements).values({ groupId, text, createdBy: actor.userId });
}

export async function setAgreementDone(
  db: Db,
  actor: Actor,
  networkId: string,
  groupId: string,
  agreementId: string,
  done: boolean,
) {
  await loadBuddyGroup(db, actor, networkId, groupId);
  if (!isUuid(agreementId)) notFound();
  const updated = await db
    .update(buddyAgreements)
    .set({ doneAt: done ? new Date() : null })
    .where(and(eq(buddyAgreements.id, agreementId), eq(buddyAgreements.groupId, groupId)))
    .returning({ id: buddyAgreements.id });
  if (!updated.length) notFound();
}

export async function planBuddyMeeting(
  db: Db,
  actor: Actor,
  networkId: string,
  groupId: string,
  input: BuddyMeetingInput,
  link: string,
) {
  const startsAt = amsterdamToInstant(input.day, input.startTime);
  const endsAt = amsterdamToInstant(input.day, input.endTime);
  if (startsAt < new Date()) throw new FieldError("day", "error.peer.past");
  await db.transaction(async (tx) => {
    const { members } = await loadBuddyGroup(tx, actor, networkId, groupId);
    await tx
      .insert(buddyMeetings)
      .values({ groupId, startsAt, endsAt, place: input.place, createdBy: actor.userId });
    await tellGroupMembers(tx, actor, members, "mail.buddyActivity", link);
  });
}

/** The group's own meeting times as a calendar file (for its members). */
export async function buddyCalendar(
  db: DbOrTx,
  actor: MaybeActor,
  networkId: string,
  groupId: string,
  link: string,
) {
  const { network, members } = await loadBuddyGroup(db, actor, networkId, groupId);
  const meetings = await db
    .select()
    .from(buddyMeetings)
    .where(eq(buddyMeetings.groupId, groupId))
    .orderBy(asc(buddyMeetings.startsAt));
  const names = members.map((m) => m.name).join(", ");
  return toICalendar(
    `Maatjes ${network.name}`,
    meetings.map((m) => ({
      uid: `maatjes-${m.id}@knooppunt`,
      start: m.startsAt,
      end: m.endsAt,
      summary: `Maatjes (${network.name})`,
      description: names,
      location: m.place || undefined,
      url: link,
    })),
  );
}
