import { redirect } from "react-router";
import { ConfirmLink } from "#app/modules/accounts/components/confirm-link.tsx";
import { confirmSsoEmail, isSsoEmailConfirmationUsable } from "#app/modules/sso/sso.server.ts";
import { pageTitle } from "#app/ui/page-title.ts";
import { withVisitor } from "../pipeline.server.ts";
import { requestState, safeReturnPath, startSession } from "../session.server.ts";
import type { Route } from "./+types/sso-email-confirm";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.ssoConfirm");
}

/**
 * The link in the mail that proves the address typed after an Entree login: a page with a button
 * (a mail scanner following it makes nothing). The button makes the account and signs in.
 */
export async function loader(args: Route.LoaderArgs) {
  return withVisitor(args, async ({ db }) => ({
    usable: await isSsoEmailConfirmationUsable(db, args.params.id),
    taken: false,
  }));
}

export async function action(args: Route.ActionArgs) {
  return withVisitor(args, async ({ db }) => {
    const state = args.context.get(requestState);
    const outcome = await confirmSsoEmail(db, args.params.id, state.locale);
    if (outcome.kind === "address-taken") return { usable: false, taken: true };
    if (outcome.kind !== "logged-in") return { usable: false, taken: false };
    const cookie = await startSession(outcome.userId, args.request, state, {
      provider: outcome.provider,
      idToken: outcome.idToken,
    });
    return redirect(safeReturnPath(outcome.returnTo), { headers: { "Set-Cookie": cookie } });
  });
}

export default function SsoEmailConfirm({ loaderData, actionData }: Route.ComponentProps) {
  const taken = actionData?.taken ?? loaderData.taken;
  return (
    <ConfirmLink
      usable={actionData?.usable ?? loaderData.usable}
      retryTo="/inloggen"
      texts={{
        title: "sso.emailConfirm.title",
        body: "sso.emailConfirm.body",
        submit: "sso.emailConfirm.submit",
        invalid: taken ? "sso.emailConfirm.taken" : "sso.emailConfirm.expired",
      }}
    />
  );
}
