import { redirect } from "react-router";
import { consumeMagicLink, isTokenUsable } from "#app/modules/accounts/accounts.server.ts";
import { ConfirmLink } from "#app/modules/accounts/components/confirm-link.tsx";
import { pageTitle } from "#app/ui/page-title.ts";
import { withVisitor } from "../pipeline.server.ts";
import { requestState, startSession } from "../session.server.ts";
import type { Route } from "./+types/magic-link-confirm";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.magicLinkConfirm");
}

export async function loader(args: Route.LoaderArgs) {
  return withVisitor(args, async ({ db }) => ({
    usable: await isTokenUsable(db, args.params.token, "magic-link"),
  }));
}

export async function action(args: Route.ActionArgs) {
  return withVisitor(args, async ({ db }) => {
    const userId = await consumeMagicLink(db, args.params.token);
    if (!userId) return { usable: false };
    const state = args.context.get(requestState);
    return redirect("/", {
      headers: { "Set-Cookie": await startSession(userId, args.request, state) },
    });
  });
}

export default function MagicLinkConfirm({ loaderData, actionData }: Route.ComponentProps) {
  return (
    <ConfirmLink
      usable={actionData?.usable ?? loaderData.usable}
      retryTo="/inloggen/link"
      texts={{
        title: "magic.confirm.title",
        body: "magic.confirm.body",
        submit: "magic.confirm.submit",
        invalid: "magic.invalid",
      }}
    />
  );
}
