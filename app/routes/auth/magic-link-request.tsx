import { AccountLinkForm } from "#app/modules/accounts/components/account-link-form.tsx";
import type { Route } from "./+types/magic-link-request";
import { requestAccountLink } from "./account-link.server.ts";

export function meta() {
  return [{ title: "Inloggen met een link — Knooppunt" }];
}

export function action({ request, context }: Route.ActionArgs) {
  return requestAccountLink(request, context, "magic-link");
}

export default function MagicLinkRequest({ actionData }: Route.ComponentProps) {
  return (
    <AccountLinkForm
      result={actionData}
      texts={{
        title: "magic.title",
        intro: "magic.intro",
        submit: "magic.submit",
        sent: "magic.sent",
      }}
    />
  );
}
