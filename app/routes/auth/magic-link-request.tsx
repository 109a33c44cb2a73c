import { AccountLinkForm } from "#app/modules/accounts/components/account-link-form.tsx";
import { keepActionHeaders } from "#app/platform/http.server.ts";
import { pageTitle } from "#app/ui/page-title.ts";
import type { Route } from "./+types/magic-link-request";
import { requestAccountLink } from "./account-link.server.ts";

export function headers(args: Route.HeadersArgs) {
  return keepActionHeaders(args);
}

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.magicLinkRequest");
}

export function action(args: Route.ActionArgs) {
  return requestAccountLink(args, "magic-link");
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
