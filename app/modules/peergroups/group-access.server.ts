import { and, asc, eq } from "drizzle-orm";
import type { DbOrTx } from "#app/db/client.server.ts";
import {
  buddyGroupMembers,
  intervisionGroupMembers,
  intervisionGroups,
  users,
} from "#app/db/schema/index.ts";
import type { Actor } from "#app/platform/actor.ts";
import { notFound } from "#app/platform/errors.ts";
import { isUuid } from "#app/platform/ids.ts";
import type { AuthorizedNetwork, SignedInNetwork } from "../networks/network-access.server.ts";
import { isNetworkMember } from "../networks/networks.policy.ts";
import type { GroupMember } from "./groups.server.ts";

/*
 * Where access to a buddy or intervision group is decided. A group's space is confidential: its
 * own members see and write in it, and nobody else does — not the network's guides, not its
 * coordinator, not a platform admin; they all get the same 404 as a stranger. A member who left
 * the network leaves its groups too. The group layouts' middleware calls these once per request;
 * the module functions below them take the AuthorizedGroup instead of reloading by id.
 */

export type GroupKind = "buddy" | "intervision";

const authorized: unique symbol = Symbol("authorized group");

export interface AuthorizedGroup<K extends GroupKind = GroupKind> {
  readonly [authorized]: true;
  readonly kind: K;
  readonly id: string;
  /** An intervision group's name; buddy groups have none. */
  readonly name: string;
  readonly network: SignedInNetwork;
  readonly actor: Actor;
  /** Everyone in the group, the actor among them, by name. */
  readonly members: GroupMember[];
}

export type BuddyGroup = AuthorizedGroup<"buddy">;
export type IntervisionGroup = AuthorizedGroup<"intervision">;

function signedInMember(network: AuthorizedNetwork, groupId: string): Actor {
  const actor = network.actor;
  // A member who left the network leaves its confidential groups too.
  if (!actor || !isUuid(groupId) || !isNetworkMember(network.access)) notFound();
  return actor;
}

function grant<K extends GroupKind>(
  kind: K,
  network: AuthorizedNetwork,
  actor: Actor,
  groupId: string,
  name: string,
  members: GroupMember[],
): AuthorizedGroup<K> {
  if (!members.some((m) => m.userId === actor.userId)) notFound();
  return {
    [authorized]: true,
    kind,
    id: groupId,
    name,
    // signedInMember checked the actor this network was authorised for.
    network: network as SignedInNetwork,
    actor,
    members,
  };
}

export async function authorizeBuddyGroup(
  db: DbOrTx,
  network: AuthorizedNetwork,
  groupId: string,
): Promise<BuddyGroup> {
  const actor = signedInMember(network, groupId);
  const members = await db
    .select({ userId: users.id, name: users.name, email: users.email, locale: users.locale })
    .from(buddyGroupMembers)
    .innerJoin(users, eq(users.id, buddyGroupMembers.userId))
    .where(and(eq(buddyGroupMembers.groupId, groupId), eq(buddyGroupMembers.networkId, network.id)))
    .orderBy(asc(users.name));
  return grant("buddy", network, actor, groupId, "", members);
}

export async function authorizeIntervisionGroup(
  db: DbOrTx,
  network: AuthorizedNetwork,
  groupId: string,
): Promise<IntervisionGroup> {
  const actor = signedInMember(network, groupId);
  const [group] = await db
    .select({ id: intervisionGroups.id, name: intervisionGroups.name })
    .from(intervisionGroups)
    .where(and(eq(intervisionGroups.id, groupId), eq(intervisionGroups.networkId, network.id)));
  if (!group) notFound();
  const members = await db
    .select({ userId: users.id, name: users.name, email: users.email, locale: users.locale })
    .from(intervisionGroupMembers)
    .innerJoin(users, eq(users.id, intervisionGroupMembers.userId))
    .where(eq(intervisionGroupMembers.groupId, group.id))
    .orderBy(asc(users.name));
  return grant("intervision", network, actor, group.id, group.name, members);
}
