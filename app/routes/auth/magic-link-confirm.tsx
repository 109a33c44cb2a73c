import { redirect } from "react-router";
import { getDb } from "#app/db/client.server.ts";
import { consumeMagicLink, isTokenUsable } from "#app/modules/accounts/accounts.server.ts";
import { ConfirmLink } from "#app/modules/accounts/components/confirm-link.tsx";
import { requestState, startSession } from "../session.server.ts";
import type { Route } from "./+types/magic-link-confirm";

export function meta() {
  return [{ title: "Inloggen bevestigen — Knooppunt" }];
}

export async function loader({ params }: Route.LoaderArgs) {
  return { usable: await isTokenUsable(await getDb(), params.token, "magic-link") };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const userId = await consumeMagicLink(await getDb(), params.token);
  if (!userId) return { usable: false };
  return redirect("/", {
    headers: { "Set-Cookie": await startSession(userId, request, context.get(requestState)) },
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
