import { data, redirect } from "react-router";
import { getDb } from "#app/db/client.server.ts";
import { parseLocale } from "#app/i18n/messages.ts";
import { setLocale } from "#app/modules/accounts/accounts.server.ts";
import type { Route } from "./+types/language";
import { localeCookie, requestState, safeReturnPath } from "./session.server.ts";

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const locale = parseLocale(String(form.get("taal") ?? "nl"));
  const { actor } = context.get(requestState);
  if (actor) await setLocale(await getDb(), actor.userId, locale);
  return redirect(safeReturnPath(String(form.get("terug") ?? "/")), {
    headers: { "Set-Cookie": localeCookie(locale) },
  });
}

export function loader() {
  throw data(null, { status: 404 });
}
