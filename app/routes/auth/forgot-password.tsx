import { AccountLinkForm } from "#app/modules/accounts/components/account-link-form.tsx";
import { keepActionHeaders } from "#app/platform/http.server.ts";
import { pageTitle } from "#app/ui/page-title.ts";
import type { Route } from "./+types/forgot-password";
import { requestAccountLink } from "./account-link.server.ts";

export function headers(args: Route.HeadersArgs) {
  return keepActionHeaders(args);
}

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.forgotPassword");
}

export function action(args: Route.ActionArgs) {
  return requestAccountLink(args, "reset-password");
}

export default function ForgotPassword({ actionData }: Route.ComponentProps) {
  return (
    <AccountLinkForm
      result={actionData}
      texts={{
        title: "forgot.title",
        intro: "forgot.intro",
        submit: "forgot.submit",
        sent: "forgot.sent",
      }}
    />
  );
}
