import { data, Form, Link, redirect } from "react-router";
import { getDb } from "#app/db/client.server.ts";
import { resetPasswordSchema } from "#app/modules/accounts/accounts.schema.ts";
import { isTokenUsable, resetPassword } from "#app/modules/accounts/accounts.server.ts";
import { NewPasswordField } from "#app/modules/accounts/components/new-password-field.tsx";
import { FieldError, parseForm } from "#app/platform/forms.ts";
import { ErrorSummary, SubmitButton, TextField } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { Card, PageHeader } from "#app/ui/layout.tsx";
import { clearSessionCookie } from "../session.server.ts";
import type { Route } from "./+types/reset-password";

export function meta() {
  return [{ title: "Nieuw wachtwoord — Knooppunt" }];
}

export async function loader({ params }: Route.LoaderArgs) {
  return { usable: await isTokenUsable(await getDb(), params.token, "reset-password") };
}

export async function action({ params, request }: Route.ActionArgs) {
  const form = parseForm(resetPasswordSchema, await request.formData());
  if (!form.ok) return data({ errors: form.errors, usable: true }, { status: 400 });
  let userId: string | null;
  try {
    userId = await resetPassword(await getDb(), params.token, form.data.password);
  } catch (error) {
    if (!(error instanceof FieldError)) throw error;
    const errors: Record<string, string> = { [error.field]: error.messageKey };
    return data({ errors, usable: true }, { status: 400 });
  }
  if (!userId) return data({ errors: undefined, usable: false }, { status: 400 });
  return redirect("/inloggen?reden=login.passwordChanged", {
    headers: { "Set-Cookie": clearSessionCookie() },
  });
}

export default function ResetPassword({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const usable = actionData?.usable ?? loaderData.usable;
  const errors = actionData?.errors;
  return (
    <div className="mx-auto max-w-md">
      <PageHeader title={t("reset.title")} />
      <Card>
        {usable ? (
          <Form method="post" noValidate className="flex flex-col gap-4">
            <ErrorSummary errors={errors} />
            <NewPasswordField label={t("field.newPassword")} error={errors?.password} />
            <TextField
              name="passwordConfirm"
              type="password"
              label={t("field.passwordConfirm")}
              autoComplete="new-password"
              required
              error={errors?.passwordConfirm}
            />
            <SubmitButton>{t("reset.submit")}</SubmitButton>
          </Form>
        ) : (
          <p role="alert">
            {t("reset.invalid")}{" "}
            <Link to="/wachtwoord-vergeten" className="text-accent-700 underline">
              {t("forgot.title")}
            </Link>
          </p>
        )}
      </Card>
    </div>
  );
}
