import { data, redirect } from "react-router";
import { getDb } from "#app/db/client.server.ts";
import { endSession } from "#app/modules/accounts/sessions.server.ts";
import { clearSessionCookie, requestState } from "../session.server.ts";
import type { Route } from "./+types/logout";

export async function action({ context }: Route.ActionArgs) {
  const { sessionToken } = context.get(requestState);
  if (sessionToken) await endSession(await getDb(), sessionToken);
  return redirect("/inloggen?reden=login.loggedOut", {
    headers: { "Set-Cookie": clearSessionCookie() },
  });
}

export function loader() {
  throw data(null, { status: 404 });
}
