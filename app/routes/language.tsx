import { data, redirect } from "react-router";
import { parseLocale } from "#app/i18n/messages.ts";
import { setLocale } from "#app/modules/accounts/accounts.server.ts";
import type { Route } from "./+types/language";
import { withVisitor } from "./pipeline.server.ts";
import { localeCookie, safeReturnPath } from "./session.server.ts";

export async function action(args: Route.ActionArgs) {
  return withVisitor(args, async ({ db, actor }) => {
    const form = await args.request.formData();
    const locale = parseLocale(String(form.get("taal") ?? "nl"));
    if (actor) await setLocale(db, actor.userId, locale);
    return redirect(safeReturnPath(String(form.get("terug") ?? "/")), {
      headers: { "Set-Cookie": localeCookie(locale) },
    });
  });
}

export function loader() {
  throw data(null, { status: 404 });
}
