import { data, redirect } from "react-router";
import { publicBaseUrl } from "#app/core/env.server.ts";
import { endSession } from "#app/modules/accounts/sessions.server.ts";
import { ssoLogoutUrlForSession } from "#app/modules/sso/sso.server.ts";
import { withVisitor } from "../pipeline.server.ts";
import { clearSessionCookie, requestState } from "../session.server.ts";
import type { Route } from "./+types/logout";

export async function action(args: Route.ActionArgs) {
  return withVisitor(args, async ({ db }) => {
    // The session token is the pipeline's own business: only logging out ends it.
    const { sessionToken } = args.context.get(requestState);
    // A session that came through a provider with RP-initiated logout ends there too, and the
    // provider sends the browser back to our home page. Read before the session row goes.
    const providerLogout = sessionToken
      ? await ssoLogoutUrlForSession(db, sessionToken, `${publicBaseUrl()}/`)
      : null;
    if (sessionToken) await endSession(db, sessionToken);
    return redirect(providerLogout?.href ?? "/inloggen?reden=login.loggedOut", {
      headers: { "Set-Cookie": clearSessionCookie() },
    });
  });
}

export function loader() {
  throw data(null, { status: 404 });
}
