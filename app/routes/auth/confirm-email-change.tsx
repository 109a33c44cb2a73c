import { redirect } from "react-router";
import { ConfirmLink } from "#app/modules/accounts/components/confirm-link.tsx";
import {
  confirmEmailChange,
  isEmailChangeTokenUsable,
} from "#app/modules/accounts/email-change.server.ts";
import { pageTitle } from "#app/ui/page-title.ts";
import { withVisitor } from "../pipeline.server.ts";
import type { Route } from "./+types/confirm-email-change";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.confirmEmailChange");
}

export async function loader(args: Route.LoaderArgs) {
  return withVisitor(args, async ({ db }) => ({
    usable: await isEmailChangeTokenUsable(db, args.params.token),
  }));
}

/** The link proves the new mailbox; it works signed in or not (an admin may have asked for it). */
export async function action(args: Route.ActionArgs) {
  return withVisitor(args, async ({ db, actor }) => {
    const outcome = await confirmEmailChange(db, args.params.token);
    if (outcome.kind === "invalid") return { usable: false, taken: false };
    if (outcome.kind === "taken") return { usable: false, taken: true };
    // After a change an admin started, the session that followed the link was ended too.
    return actor?.userId === outcome.userId && !outcome.loggedOut
      ? redirect("/account/e-mailadres?melding=emailChange.confirmed")
      : redirect("/inloggen?reden=emailChange.confirmed");
  });
}

export default function ConfirmEmailChange({ loaderData, actionData }: Route.ComponentProps) {
  return (
    <ConfirmLink
      usable={actionData?.usable ?? loaderData.usable}
      retryTo="/inloggen"
      texts={{
        title: "emailChange.confirm.title",
        body: "emailChange.confirm.body",
        submit: "emailChange.confirm.submit",
        invalid: actionData?.taken ? "emailChange.confirm.taken" : "emailChange.confirm.invalid",
      }}
    />
  );
}
