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
import type { Actor } from "#app/platform/actor.ts";
import { authorize, notFound } from "#app/platform/errors.ts";
import { FieldError } from "#app/platform/forms.ts";
import { toICalendar } from "#app/platform/ical.ts";
import { isUuid } from "#app/platform/ids.ts";
import { requireNetworkMember, type SignedInNetwork } from "../networks/network-access.server.ts";
import { isNetworkGuide } from "../networks/networks.policy.ts";
import type { BuddyGroup } from "./group-access.server.ts";
import { allActiveMembers, tellGroupMembers } from "./groups.server.ts";
import type { BuddyMeetingInput } from "./peergroups.schema.ts";

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
export async function listBuddyGroups(db: DbOrTx, authorized: SignedInNetwork, size = 3) {
  requireNetworkMember(authorized);
  const { network, access, actor, id: networkId } = authorized;
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
export async function formBuddyGroup(db: Db, network: SignedInNetwork, userIds: string[]) {
  requireNetworkMember(network);
  const { actor, access, id: networkId } = network;
  return db.transaction(async (tx) => {
    const unique = [...new Set(userIds)];
    if (unique.length < 2 || unique.length > 5)
      throw new FieldError("userIds", "error.buddies.size");
    if (!isNetworkGuide(access) && !unique.includes(actor.userId))
      throw new FieldError("userIds", "error.buddies.includeSelf");
    return insertBuddyGroup(tx, actor, networkId, unique);
  });
}

/** The guide accepts the suggestion: all its groups are formed together or none. */
export async function formSuggestedGroups(db: Db, network: SignedInNetwork, size: number) {
  return db.transaction(async (tx) => {
    const view = await listBuddyGroups(tx, network, size);
    authorize(view.isTeacher);
    if (!view.suggestion.length) throw new FieldError("size", "error.buddies.nobodyLeft");
    for (const group of view.suggestion) {
      await insertBuddyGroup(
        tx,
        network.actor,
        network.id,
        group.map((m) => m.userId),
      );
    }
    return view.suggestion.length;
  });
}

export async function dissolveBuddyGroup(db: Db, network: SignedInNetwork, groupId: string) {
  requireNetworkMember(network);
  authorize(isNetworkGuide(network.access));
  if (!isUuid(groupId)) notFound();
  await db
    .delete(buddyGroups)
    .where(and(eq(buddyGroups.id, groupId), eq(buddyGroups.networkId, network.id)));
}

/** The group's space: what its members wrote, agreed and planned (group-access decides who). */
export async function getBuddySpace(db: DbOrTx, group: BuddyGroup) {
  const groupId = group.id;
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
    network: group.network.network,
    groupId,
    members: group.members.map(({ userId, name }) => ({ userId, name })),
    notes,
    agreements,
    meetings,
  };
}

export async function addBuddyNote(db: Db, group: BuddyGroup, body: string, link: string) {
  const { actor, members, id: groupId } = group;
  await db.transaction(async (tx) => {
    await tx.insert(buddyNotes).values({ groupId, authorId: actor.userId, body });
    await tellGroupMembers(tx, actor, members, "mail.buddyActivity", link);
  });
}

export async function addAgreement(db: Db, group: BuddyGroup, text: string) {
  await db
    .insert(buddyAgreements)
    .values({ groupId: group.id, text, createdBy: group.actor.userId });
}

export async function setAgreementDone(
  db: Db,
  group: BuddyGroup,
  agreementId: string,
  done: boolean,
) {
  const groupId = group.id;
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
  group: BuddyGroup,
  input: BuddyMeetingInput,
  link: string,
) {
  const { actor, members, id: groupId } = group;
  const startsAt = amsterdamToInstant(input.day, input.startTime);
  const endsAt = amsterdamToInstant(input.day, input.endTime);
  if (startsAt < new Date()) throw new FieldError("day", "error.peer.past");
  await db.transaction(async (tx) => {
    await tx
      .insert(buddyMeetings)
      .values({ groupId, startsAt, endsAt, place: input.place, createdBy: actor.userId });
    await tellGroupMembers(tx, actor, members, "mail.buddyActivity", link);
  });
}

/** The group's own meeting times as a calendar file (for its members). */
export async function buddyCalendar(db: DbOrTx, group: BuddyGroup, link: string) {
  const { members } = group;
  const { network } = group.network;
  const meetings = await db
    .select()
    .from(buddyMeetings)
    .where(eq(buddyMeetings.groupId, group.id))
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
