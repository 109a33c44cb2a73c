import { createContext, data, type RouterContextProvider, redirect } from "react-router";
import { log } from "#app/core/logger.server.ts";
import { type Db, getDb } from "#app/db/client.server.ts";
import type { Locale } from "#app/i18n/messages.ts";
import {
  type AuthorizedNetwork,
  authorizeNetwork,
  type SignedInNetwork,
} from "#app/modules/networks/network-access.server.ts";
import type { Actor, MaybeActor } from "#app/platform/actor.ts";
import { BadRequestError, ForbiddenError, NotFoundError } from "#app/platform/errors.ts";
import { requestState } from "./session.server.ts";

/*
 * The request pipeline. The root middleware reads the session once (requestState); a layout's
 * middleware loads the thing the URL names and the actor's rights in it once (the network
 * below /netwerken/:networkId) and puts the authorised object in the context. Loaders and actions
 * take their scope from here, and this file is the one place where a module's refusal
 * (NotFoundError, ForbiddenError, BadRequestError) becomes a 404, 403 or 400.
 */

interface PipelineArgs {
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

/** Turns a module's refusal into the HTTP answer; anything else is a real failure. */
export function toHttpError(error: unknown): unknown {
  if (error instanceof NotFoundError) return data(null, { status: 404 });
  if (error instanceof ForbiddenError) return data(null, { status: 403 });
  if (error instanceof BadRequestError) return data(null, { status: 400 });
  return error;
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

export const networkContext = createContext<AuthorizedNetwork | null>(null);

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
