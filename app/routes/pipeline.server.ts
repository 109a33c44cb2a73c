import { createContext, data, type RouterContextProvider, redirect } from "react-router";
import { log } from "#app/core/logger.server.ts";
import { type Db, getDb } from "#app/db/client.server.ts";
import type { Locale } from "#app/i18n/messages.ts";
import {
  type AuthorizedNetwork,
  authorizeNetwork,
  type SignedInNetwork,
} from "#app/modules/networks/network-access.server.ts";
import {
  type AuthorizedGroup,
  authorizeBuddyGroup,
  authorizeIntervisionGroup,
  type GroupKind,
} from "#app/modules/peergroups/group-access.server.ts";
import {
  type AuthorizedSpace,
  authorizeSchoolSpace,
  networkSpace,
  type SpaceKind,
} from "#app/modules/toolkit/space-access.server.ts";
import type { Actor, MaybeActor } from "#app/platform/actor.ts";
import { NotFoundError, refusalStatus } from "#app/platform/errors.ts";
import { requestState } from "./session.server.ts";

/*
 * The request pipeline. The root middleware reads the session once (requestState); a layout's
 * middleware loads the thing the URL names and the actor's rights in it once (the network
 * below /netwerken/:networkId) and puts the authorised object in the context. Loaders and actions
 * take their scope from here, and this file is the one place where a module's refusal
 * (NotFoundError, ForbiddenError, BadRequestError) becomes a 404, 403 or 400.
 */

export interface PipelineArgs {
  request: Request;
  context: Readonly<RouterContextProvider>;
  params: Record<string, string | undefined>;
}

export interface VisitorScope {
  db: Db;
  actor: MaybeActor;
  locale: Locale;
}

export interface ActorScope extends VisitorScope {
  actor: Actor;
}

export interface NetworkScope extends VisitorScope {
  network: AuthorizedNetwork;
}

export interface NetworkActorScope extends NetworkScope {
  actor: Actor;
  network: SignedInNetwork;
}

export interface GroupScope<K extends GroupKind> extends NetworkActorScope {
  group: AuthorizedGroup<K>;
}

/** Turns a module's refusal into the HTTP answer; anything else is a real failure. */
function toHttpError(error: unknown): unknown {
  const status = refusalStatus(error);
  return status ? data(null, { status }) : error;
}

async function run<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toHttpError(error);
  }
}

function loginRedirect(request: Request): never {
  const url = new URL(request.url);
  log.info("access.login_required", { path: url.pathname });
  throw redirect(`/inloggen?terug=${encodeURIComponent(url.pathname + url.search)}`);
}

async function visitorScope({ context }: PipelineArgs): Promise<VisitorScope> {
  const { actor, locale } = context.get(requestState);
  return { db: await getDb(), actor, locale };
}

/** Pages anyone may open; the actor is there when someone is signed in. */
export function withVisitor<T>(args: PipelineArgs, work: (scope: VisitorScope) => Promise<T>) {
  return run(async () => work(await visitorScope(args)));
}

/** Pages and commands for signed-in people; visitors go to the login page and come back. */
export function withActor<T>(args: PipelineArgs, work: (scope: ActorScope) => Promise<T>) {
  return run(async () => {
    const scope = await visitorScope(args);
    if (!scope.actor) loginRedirect(args.request);
    return work({ ...scope, actor: scope.actor });
  });
}

/** The admin layout's middleware: /beheer/… is for platform admins; others get the 404. */
export function requirePlatformAdminMiddleware({ context, request }: PipelineArgs) {
  const { actor } = context.get(requestState);
  if (!actor) loginRedirect(request);
  if (!actor.isPlatformAdmin) throw toHttpError(new NotFoundError("admin page"));
}

const networkContext = createContext<AuthorizedNetwork | null>(null);

/** The network layout's middleware: one load of the network and the actor's roles per request. */
export async function authorizeNetworkMiddleware({ context, params }: PipelineArgs) {
  const { actor } = context.get(requestState);
  const networkId = params.networkId ?? params.spaceId ?? "";
  const network = await run(async () => authorizeNetwork(await getDb(), actor, networkId));
  context.set(networkContext, network);
}

function networkFrom(context: Readonly<RouterContextProvider>) {
  const network = context.get(networkContext);
  // A route below the layout always has it; anything else is a wiring mistake in routes.ts.
  if (!network) throw new Error("withNetwork used outside the netwerken/:networkId layout");
  return network;
}

/** Below /netwerken/:networkId: the authorised network, for visitors and members alike. */
export function withNetwork<T>(args: PipelineArgs, work: (scope: NetworkScope) => Promise<T>) {
  return run(async () =>
    work({ ...(await visitorScope(args)), network: networkFrom(args.context) }),
  );
}

/** Below /netwerken/:networkId, signed in: what every command in a network needs. */
export function withNetworkActor<T>(
  args: PipelineArgs,
  work: (scope: NetworkActorScope) => Promise<T>,
) {
  return run(async () => {
    const scope = await visitorScope(args);
    if (!scope.actor) loginRedirect(args.request);
    // The middleware authorised the network for this request's actor, checked just above.
    const network = networkFrom(args.context) as SignedInNetwork;
    return work({ ...scope, actor: scope.actor, network });
  });
}

const groupContext = createContext<AuthorizedGroup | null>(null);

/**
 * A group layout's middleware (maatjes/:groupId, intervisie/:groupId), below the network's: the
 * group and the actor's place in it, loaded once per request. Visitors log in first.
 */
export async function authorizeGroupMiddleware(args: PipelineArgs, kind: GroupKind) {
  if (!args.context.get(requestState).actor) loginRedirect(args.request);
  const network = networkFrom(args.context);
  const groupId = args.params.groupId ?? "";
  const authorize = kind === "buddy" ? authorizeBuddyGroup : authorizeIntervisionGroup;
  const group = await run(async () => authorize(await getDb(), network, groupId));
  args.context.set(groupContext, group);
}

/** Below a group layout: a member of the group, in it. */
export function withGroup<K extends GroupKind, T>(
  args: PipelineArgs,
  kind: K,
  work: (scope: GroupScope<K>) => Promise<T>,
) {
  return run(async () => {
    const scope = await visitorScope(args);
    const group = args.context.get(groupContext);
    // A route below the layout always has it; anything else is a wiring mistake in routes.ts.
    if (group?.kind !== kind) throw new Error(`withGroup used outside the ${kind} group layout`);
    const own = group as AuthorizedGroup<K>;
    return work({ ...scope, actor: own.actor, network: own.network, group: own });
  });
}

export interface SpaceScope extends ActorScope {
  space: AuthorizedSpace;
}

const spaceContext = createContext<AuthorizedSpace | null>(null);

/**
 * A toolkit layout's middleware (organisaties/:organisationId/netwerklerend, and
 * netwerklerend below the network's layout): the space and the actor's rights in it, once per
 * request. The layout says which kind of space it is; a network's reuses its AuthorizedNetwork.
 */
export async function authorizeSpaceMiddleware(args: PipelineArgs, kind: SpaceKind) {
  const { actor } = args.context.get(requestState);
  if (!actor) loginRedirect(args.request);
  const space = await run(async () =>
    kind === "network"
      ? networkSpace(networkFrom(args.context))
      : authorizeSchoolSpace(await getDb(), actor, args.params.organisationId ?? ""),
  );
  args.context.set(spaceContext, space);
}

/** Below a toolkit layout: a member of the school or network, in its space. */
export function withSpace<T>(args: PipelineArgs, work: (scope: SpaceScope) => Promise<T>) {
  return run(async () => {
    const scope = await visitorScope(args);
    const space = args.context.get(spaceContext);
    // A route below the layout always has it; anything else is a wiring mistake in routes.ts.
    if (!space) throw new Error("withSpace used outside a toolkit layout");
    return work({ ...scope, actor: space.actor, space });
  });
}
