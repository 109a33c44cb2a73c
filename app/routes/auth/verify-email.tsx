import { redirect } from "react-router";
import { getDb } from "#app/db/client.server.ts";
import { isTokenUsable, verifyEmail } from "#app/modules/accounts/accounts.server.ts";
import { ConfirmLink } from "#app/modules/accounts/components/confirm-link.tsx";
import type { Route } from "./+types/verify-email";

export function meta() {
  return [{ title: "E-mailadres bevestigen — Knooppunt" }];
}

export async function loader({ params }: Route.LoaderArgs) {
  return { usable: await isTokenUsable(await getDb(), params.token, "verify-email") };
}

export async function action({ params }: Route.ActionArgs) {
  const userId = await verifyEmail(await getDb(), params.token);
  if (!userId) return { usable: false };
  return redirect("/inloggen?reden=login.verified");
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
