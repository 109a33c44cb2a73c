import { data, redirect } from "react-router";
import { endSession } from "#app/modules/accounts/sessions.server.ts";
import { withVisitor } from "../pipeline.server.ts";
import { clearSessionCookie, requestState } from "../session.server.ts";
import type { Route } from "./+types/logout";

export async function action(args: Route.ActionArgs) {
  return withVisitor(args, async ({ db }) => {
    // The session token is the pipeline's own business: only logging out ends it.
    const { sessionToken } = args.context.get(requestState);
    if (sessionToken) await endSession(db, sessionToken);
    return redirect("/inloggen?reden=login.loggedOut", {
      headers: { "Set-Cookie": clearSessionCookie() },
    });
  });
}

export function loader() {
  throw data(null, { status: 404 });
}
