import { and, eq, getTableColumns } from "drizzle-orm";
import type { DbOrTx } from "#app/db/client.server.ts";
import { networkMembers, networks } from "#app/db/schema/index.ts";
import type { Actor, MaybeActor } from "#app/platform/actor.ts";
import { authorize, notFound } from "#app/platform/errors.ts";
import { isUuid } from "#app/platform/ids.ts";
import {
  canManageNetwork,
  isNetworkMember,
  type NetworkAccess,
  type NetworkRole,
} from "./networks.policy.ts";

/*
 * Where access to a network is decided. The network layout's middleware calls authorizeNetwork
 * once per request; every loader, action and module function below it receives the result
 * instead of reloading the network and the actor's roles by id. The rules themselves are the
 * policy functions in networks.policy.ts.
 */

// Every column but the search vector, which only the database needs.
const { searchVector: _searchVector, ...columns } = getTableColumns(networks);
export const networkColumns = columns;
export type Network = Omit<typeof networks.$inferSelect, "searchVector">;

/**
 * The network and the actor's active roles in it; 404 for an unknown or malformed id. Below the
 * network layout use the AuthorizedNetwork instead; this is for a write that re-reads the roles
 * inside its transaction, and for pages that reach a network through something else (a poll, a
 * certificate, an application).
 */
export async function loadNetworkAccess(db: DbOrTx, actor: MaybeActor, networkId: string) {
  if (!isUuid(networkId)) notFound();
  const [network] = await db
    .select(networkColumns)
    .from(networks)
    .where(eq(networks.id, networkId));
  if (!network) notFound();
  const roles = actor
    ? await db
        .select({ role: networkMembers.role })
        .from(networkMembers)
        .where(
          and(
            eq(networkMembers.networkId, networkId),
            eq(networkMembers.userId, actor.userId),
            eq(networkMembers.status, "active"),
          ),
        )
    : [];
  const access: NetworkAccess = {
    id: network.id,
    openness: network.openness,
    status: network.status,
    programmeId: network.programmeId,
    regionId: network.regionId,
    myRoles: roles.map((r) => r.role as NetworkRole),
  };
  return { network, access };
}

// Only authorizeNetwork can set this key, so a module can trust the roles inside.
const authorized: unique symbol = Symbol("authorized network");

/** A network that exists (unknown ids are a 404) with the actor's roles in it, loaded once. */
export interface AuthorizedNetwork<A extends MaybeActor = MaybeActor> {
  readonly [authorized]: true;
  readonly id: string;
  readonly actor: A;
  readonly network: Network;
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

/**
 * Profile, phase, routes and steps, members and intake, polls, surveys, certificates: the
 * network's managers. Surveys answer others with a 404, as their pages do.
 */
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
