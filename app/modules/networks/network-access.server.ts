import type { DbOrTx } from "#app/db/client.server.ts";
import type { Actor, MaybeActor } from "#app/platform/actor.ts";
import { authorize } from "#app/platform/http.server.ts";
import { canManageNetwork, isNetworkMember, type NetworkAccess } from "./networks.policy.ts";
import { loadNetworkAccess } from "./networks.server.ts";

/*
 * Where access to a network is decided. The network layout's middleware calls authorizeNetwork
 * once per request; every loader, action and module function below it receives the result
 * instead of reloading the network and the actor's roles by id. The rules themselves are the
 * policy functions in networks.policy.ts.
 */

const authorized: unique symbol = Symbol("authorized network");

type NetworkRow = Awaited<ReturnType<typeof loadNetworkAccess>>["network"];

/** A network that exists (unknown ids are a 404) with the actor's roles in it, loaded once. */
export interface AuthorizedNetwork<A extends MaybeActor = MaybeActor> {
  readonly [authorized]: true;
  readonly id: string;
  readonly actor: A;
  readonly network: NetworkRow;
  readonly access: NetworkAccess;
}

/** The network of a command: someone is signed in (withNetworkActor, or a test's actor). */
export type SignedInNetwork = AuthorizedNetwork<Actor>;

export async function authorizeNetwork<A extends MaybeActor>(
  db: DbOrTx,
  actor: A,
  networkId: string,
): Promise<AuthorizedNetwork<A>> {
  const { network, access } = await loadNetworkAccess(db, actor, networkId);
  return { [authorized]: true, id: network.id, actor, network, access };
}

/** Only authorizeNetwork makes these, so a module can trust the roles inside. */
export function isAuthorizedNetwork(value: unknown): value is AuthorizedNetwork {
  return typeof value === "object" && value !== null && authorized in value;
}

/**
 * Authorise before validating: a route checks the command's right before it parses the form,
 * so someone without it gets the 403 (or the 404 of content hidden from them), never the
 * form's field errors. The command checks again with the same policy function.
 */
export function requireNetworkRight(
  net: AuthorizedNetwork,
  allowed: (actor: MaybeActor, access: NetworkAccess) => boolean,
  whenDenied: "forbidden" | "not-found" = "forbidden",
) {
  authorize(!!net.actor && allowed(net.actor, net.access), whenDenied);
}

/** Profile, phase, routes and steps, members and intake, polls, surveys, certificates. */
export function requireCanManageNetwork(
  net: AuthorizedNetwork,
  whenDenied: "forbidden" | "not-found" = "forbidden",
) {
  requireNetworkRight(net, canManageNetwork, whenDenied);
}

/** What every active member may do (learning question, buddies); others get the 404. */
export function requireNetworkMember(net: AuthorizedNetwork) {
  requireNetworkRight(net, (_actor, access) => isNetworkMember(access), "not-found");
}
