import { redirect } from "react-router";
import { isTokenUsable } from "#app/modules/accounts/accounts.server.ts";
import { ConfirmLink } from "#app/modules/accounts/components/confirm-link.tsx";
import { confirmNewAccount } from "#app/modules/home/onboarding.server.ts";
import { pageTitle } from "#app/ui/page-title.ts";
import { withVisitor } from "../pipeline.server.ts";
import {
  clearRegistrationCookie,
  readRegistrationCookie,
  requestState,
  startSession,
} from "../session.server.ts";
import type { Route } from "./+types/verify-email";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.verifyEmail");
}

export async function loader(args: Route.LoaderArgs) {
  return withVisitor(args, async ({ db }) => ({
    usable: await isTokenUsable(db, args.params.token, "verify-email"),
  }));
}

export async function action(args: Route.ActionArgs) {
  return withVisitor(args, async ({ db }) => {
    const verified = await confirmNewAccount(
      db,
      args.params.token,
      readRegistrationCookie(args.request),
    );
    if (!verified) return { usable: false };
    // The link that proves a new account's address, opened in the browser that registered, signs
    // its owner in (a fresh session id, any earlier one ended) and starts the welcome; anywhere
    // else a valid link only confirms, and the welcome starts after logging in.
    if (!verified.signIn) return redirect("/inloggen?reden=login.verified");
    const state = args.context.get(requestState);
    const headers = new Headers();
    headers.append("Set-Cookie", await startSession(verified.userId, args.request, state));
    headers.append("Set-Cookie", clearRegistrationCookie());
    return redirect("/welkom", { headers });
  });
}

export default function VerifyEmail({ loaderData, actionData }: Route.ComponentProps) {
  return (
    <ConfirmLink
      usable={actionData?.usable ?? loaderData.usable}
      retryTo="/inloggen"
      texts={{
        title: "verify.title",
        body: "verify.body",
        submit: "verify.submit",
        invalid: "verify.invalid",
      }}
    />
  );
}
