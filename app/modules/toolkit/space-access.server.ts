import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "#app/db/client.server.ts";
import { organisationMembers, organisations } from "#app/db/schema/index.ts";
import type { Actor, MaybeActor } from "#app/platform/actor.ts";
import { authorize, notFound } from "#app/platform/errors.ts";
import { isUuid } from "#app/platform/ids.ts";
import { type AuthorizedNetwork, authorizeNetwork } from "../networks/network-access.server.ts";
import { isNetworkGuide, isNetworkMember } from "../networks/networks.policy.ts";
import { confirmedWorkplace } from "../organisations/workplaces.server.ts";

/*
 * Where access to a toolkit space is decided. A school's toolkit is for the school's confirmed
 * members, a network's for its active members; everyone else (platform admins too, and whoever
 * only claims to work there) gets a 404. The toolkit layouts call this once per request and
 * every loader, action and module function below them receives the result: which kind of space
 * it is comes from the layout the route sits under, never from reading the URL.
 */

export type SpaceKind = "organisation" | "network";

const authorized: unique symbol = Symbol("authorized space");

type OrganisationRow = typeof organisations.$inferSelect;
type NetworkRow = AuthorizedNetwork["network"];

interface SpaceRights {
  readonly [authorized]: true;
  readonly id: string;
  readonly name: string;
  /** who is in the space: someone signed in, a member of it */
  readonly actor: Actor;
  /** school admins, or the network's penvoerder and facilitators: the clean slate, steering */
  readonly isKeeper: boolean;
}

/** A school's or a network's toolkit space, authorised for its actor; only this file makes one. */
export type AuthorizedSpace = SpaceRights &
  (
    | { readonly kind: "organisation"; readonly organisation: OrganisationRow }
    | { readonly kind: "network"; readonly network: NetworkRow }
  );

/** A school's space: its members with a confirmed workplace there. */
export async function authorizeSchoolSpace(
  db: DbOrTx,
  actor: MaybeActor,
  organisationId: string,
): Promise<AuthorizedSpace> {
  if (!actor || !isUuid(organisationId)) notFound();
  const [row] = await db
    .select({ organisation: organisations, role: organisationMembers.role })
    .from(organisationMembers)
    .innerJoin(organisations, eq(organisations.id, organisationMembers.organisationId))
    .where(
      and(
        eq(organisationMembers.organisationId, organisationId),
        eq(organisationMembers.userId, actor.userId),
        confirmedWorkplace,
      ),
    );
  if (!row) notFound();
  return {
    [authorized]: true,
    kind: "organisation",
    id: row.organisation.id,
    name: row.organisation.name,
    actor,
    isKeeper: row.role === "admin",
    organisation: row.organisation,
  };
}

/** A network's space, from the network its layout already authorised (no second load). */
export function networkSpace(net: AuthorizedNetwork): AuthorizedSpace {
  const actor = net.actor;
  if (!actor || !isNetworkMember(net.access)) notFound();
  return {
    [authorized]: true,
    kind: "network",
    id: net.id,
    name: net.network.name,
    actor,
    isKeeper: isNetworkGuide(net.access),
    network: net.network,
  };
}

/** Either kind by id: for scripts and tests; requests get theirs from the toolkit layouts. */
export async function authorizeSpace(
  db: DbOrTx,
  actor: MaybeActor,
  kind: SpaceKind,
  spaceId: string,
): Promise<AuthorizedSpace> {
  return kind === "network"
    ? networkSpace(await authorizeNetwork(db, actor, spaceId))
    : authorizeSchoolSpace(db, actor, spaceId);
}

/** The clean slate: the school's admins, or the network's penvoerder and facilitators. */
export function requireSpaceKeeper(
  space: AuthorizedSpace,
  whenDenied: "forbidden" | "not-found" = "forbidden",
) {
  authorize(space.isKeeper, whenDenied);
}

/** Where the space's toolkit pages live: for links and redirects. */
export function spaceBase(space: Pick<AuthorizedSpace, "kind" | "id">) {
  return `/${space.kind === "organisation" ? "organisaties" : "netwerken"}/${space.id}/netwerklerend`;
}

/** What a page may show of its space: never the actor or the whole row. */
export function spaceSummary(space: AuthorizedSpace) {
  return { kind: space.kind, id: space.id, name: space.name, isKeeper: space.isKeeper };
}
