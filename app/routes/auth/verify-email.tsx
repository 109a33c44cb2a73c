import { redirect } from "react-router";
import { isTokenUsable, verifyEmail } from "#app/modules/accounts/accounts.server.ts";
import { ConfirmLink } from "#app/modules/accounts/components/confirm-link.tsx";
import { pageTitle } from "#app/ui/page-title.ts";
import { withVisitor } from "../pipeline.server.ts";
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
    const userId = await verifyEmail(db, args.params.token);
    if (!userId) return { usable: false };
    return redirect("/inloggen?reden=login.verified");
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
