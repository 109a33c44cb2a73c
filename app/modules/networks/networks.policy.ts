import { type Actor, grantsOf, type MaybeActor } from "#app/platform/actor.ts";

export type NetworkRole = "penvoerder" | "facilitator" | "deelnemer";

/** What a policy needs to know about a network and the actor's place in it. */
export interface NetworkAccess {
  id: string;
  openness: "open" | "closed";
  status: "in-formation" | "active" | "ended";
  programmeId: string | null;
  regionId: string | null;
  /** the actor's active roles in this network */
  myRoles: NetworkRole[];
}

export function isCoordinatorFor(
  actor: MaybeActor,
  programmeId: string | null,
  regionId: string | null,
) {
  if (!actor || !programmeId) return false;
  return grantsOf(actor, "programme-coordinator").some(
    (grant) =>
      grant.scopeId === programmeId &&
      (!grant.regionId || !regionId || grant.regionId === regionId),
  );
}

/** The people who hold the network: its penvoerder(s) and facilitator(s). */
export function isNetworkGuide(network: NetworkAccess) {
  return network.myRoles.includes("penvoerder") || network.myRoles.includes("facilitator");
}

export function isNetworkMember(network: NetworkAccess) {
  return network.myRoles.length > 0;
}

/** Members, content and join history: members, the programme's coordinator and admins; of open networks also signed-in members of Knooppunt. */
export function canViewNetworkMembers(actor: MaybeActor, network: NetworkAccess): actor is Actor {
  if (!actor) return false;
  if (actor.isPlatformAdmin || isNetworkMember(network)) return true;
  if (isCoordinatorFor(actor, network.programmeId, network.regionId)) return true;
  return network.openness === "open";
}

/** Penvoerder, facilitator, the programme's coordinator and platform admins change a network. */
export function canManageNetwork(actor: MaybeActor, network: NetworkAccess): actor is Actor {
  if (!actor) return false;
  if (actor.isPlatformAdmin) return true;
  if (isNetworkGuide(network)) return true;
  return isCoordinatorFor(actor, network.programmeId, network.regionId);
}

/** Applying for support is the network's own act: penvoerder, facilitator or admin. */
export function canApplyForSupport(actor: MaybeActor, network: NetworkAccess): actor is Actor {
  if (!actor) return false;
  return actor.isPlatformAdmin || isNetworkGuide(network);
}

/** A coordinator may take a network without programme into their own programme. */
export function canAdoptNetwork(actor: MaybeActor, network: NetworkAccess, programmeId: string) {
  if (!actor || network.programmeId) return false;
  return (
    actor.isPlatformAdmin ||
    grantsOf(actor, "programme-coordinator").some((grant) => grant.scopeId === programmeId)
  );
}

export function canDecideSupport(actor: MaybeActor, programmeId: string, regionId: string | null) {
  if (!actor) return false;
  return actor.isPlatformAdmin || isCoordinatorFor(actor, programmeId, regionId);
}

/** Active members put colleagues forward in networks that grow by nomination. */
export function canNominate(actor: MaybeActor, network: NetworkAccess): actor is Actor {
  return !!actor && isNetworkMember(network);
}
