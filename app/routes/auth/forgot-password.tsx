import { AccountLinkForm } from "#app/modules/accounts/components/account-link-form.tsx";
import type { Route } from "./+types/forgot-password";
import { requestAccountLink } from "./account-link.server.ts";

export function meta() {
  return [{ title: "Wachtwoord vergeten — Knooppunt" }];
}

export function action({ request, context }: Route.ActionArgs) {
  return requestAccountLink(request, context, "reset-password");
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
