import type { DbOrTx } from "#app/db/client.server.ts";
import type { MaybeActor } from "#app/platform/actor.ts";
import { authorize } from "#app/platform/http.server.ts";
import { canManageNetwork, isNetworkMember, type NetworkAccess } from "./networks.policy.ts";
import { loadNetworkAccess } from "./networks.server.ts";

/*
 * Authorise before validating. A route runs its command's access check before it parses the form,
 * so someone without the right gets the 403 (or the 404 of a network hidden from them) and never
 * the form's field errors. The command itself checks again, inside its transaction; both use the
 * same policy function, so the rule lives in one place.
 */

export async function assertNetworkRight(
  db: DbOrTx,
  actor: MaybeActor,
  networkId: string,
  allowed: (actor: MaybeActor, access: NetworkAccess) => boolean,
  whenDenied: "forbidden" | "not-found" = "forbidden",
) {
  const { access } = await loadNetworkAccess(db, actor, networkId);
  authorize(!!actor && allowed(actor, access), whenDenied);
}

/**
 * Profile, phase, routes and steps, members and intake, polls, surveys, certificates: the
 * network's managers. Surveys answer others with a 404, as their pages do.
 */
export function assertCanManageNetwork(
  db: DbOrTx,
  actor: MaybeActor,
  networkId: string,
  whenDenied: "forbidden" | "not-found" = "forbidden",
) {
  return assertNetworkRight(db, actor, networkId, canManageNetwork, whenDenied);
}

/** What every active member may do (learning question, buddies); others get the 404. */
export function assertNetworkMember(db: DbOrTx, actor: MaybeActor, networkId: string) {
  return assertNetworkRight(
    db,
    actor,
    networkId,
    (_a, access) => isNetworkMember(access),
    "not-found",
  );
}
