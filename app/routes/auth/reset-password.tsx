import { getFormProps } from "@conform-to/react";
import { data, Form, Link, redirect } from "react-router";
import { resetPasswordSchema } from "#app/modules/accounts/accounts.schema.ts";
import { isTokenUsable, resetPassword } from "#app/modules/accounts/accounts.server.ts";
import { NewPasswordField } from "#app/modules/accounts/components/new-password-field.tsx";
import { ErrorSummary, SubmitButton, TextField } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { fieldErrorsOf, fieldProps, formErrorOf, useIntentForm } from "#app/ui/intent-form.ts";
import { Card, PageHeader } from "#app/ui/layout.tsx";
import { pageTitle } from "#app/ui/page-title.ts";
import { handleForm } from "../forms.server.ts";
import { withVisitor } from "../pipeline.server.ts";
import { clearSessionCookie } from "../session.server.ts";
import type { Route } from "./+types/reset-password";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.resetPassword");
}

export async function loader(args: Route.LoaderArgs) {
  return withVisitor(args, async ({ db }) => ({
    usable: await isTokenUsable(db, args.params.token, "reset-password"),
  }));
}

export async function action(args: Route.ActionArgs) {
  return withVisitor(args, async ({ db }) =>
    handleForm(args.request, resetPasswordSchema, async (form) => {
      const userId = await resetPassword(db, args.params.token, form.password);
      if (!userId) return data({ usable: false }, { status: 400 });
      return redirect("/inloggen?reden=login.passwordChanged", {
        headers: { "Set-Cookie": clearSessionCookie() },
      });
    }),
  );
}

export default function ResetPassword({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const usable = actionData && "usable" in actionData ? actionData.usable : loaderData.usable;
  const [form, fields] = useIntentForm<{ password: string; passwordConfirm: string }>(
    "",
    actionData,
    { id: "reset-password" },
  );
  const formError = formErrorOf(actionData);
  return (
    <div className="mx-auto max-w-md">
      <PageHeader title={t("reset.title")} />
      <Card>
        {usable ? (
          <Form method="post" {...getFormProps(form)} className="flex flex-col gap-4">
            <ErrorSummary errors={formError ? { form: formError } : fieldErrorsOf(form)} />
            <NewPasswordField label={t("field.newPassword")} error={fields.password.errors?.[0]} />
            <TextField
              {...fieldProps(fields.passwordConfirm)}
              type="password"
              label={t("field.passwordConfirm")}
              autoComplete="new-password"
              required
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
