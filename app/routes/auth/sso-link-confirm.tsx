import { redirect } from "react-router";
import { ConfirmLink } from "#app/modules/accounts/components/confirm-link.tsx";
import { confirmIdentityLink } from "#app/modules/sso/sso.server.ts";
import { pageTitle } from "#app/ui/page-title.ts";
import { withVisitor } from "../pipeline.server.ts";
import { requestState, safeReturnPath, startSession } from "../session.server.ts";
import type { Route } from "./+types/sso-link-confirm";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.ssoConfirm");
}

/** The link in the mail opens a page with a button: a mail scanner following it links nothing. */
export async function loader() {
  return { usable: true };
}

export async function action(args: Route.ActionArgs) {
  return withVisitor(args, async ({ db }) => {
    const outcome = await confirmIdentityLink(db, args.params.token);
    if (outcome.kind !== "linked") return { usable: false };
    // The mail proved the address, the provider the login: the owner is signed in.
    const state = args.context.get(requestState);
    const returnTo = safeReturnPath(outcome.returnTo);
    const back =
      returnTo === "/" ? "/account/inlogmethoden?melding=sso.methods.linkedNotice" : returnTo;
    return redirect(back, {
      headers: { "Set-Cookie": await startSession(outcome.userId, args.request, state) },
    });
  });
}

export default function SsoLinkConfirm({ loaderData, actionData }: Route.ComponentProps) {
  return (
    <ConfirmLink
      usable={actionData?.usable ?? loaderData.usable}
      retryTo="/inloggen"
      texts={{
        title: "sso.confirm.title",
        body: "sso.confirm.body",
        submit: "sso.confirm.submit",
        invalid: "sso.confirm.expired",
      }}
    />
  );
}
