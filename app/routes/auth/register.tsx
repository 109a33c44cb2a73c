import { getFormProps } from "@conform-to/react";
import { data, Form, Link, redirect } from "react-router";
import type { z } from "zod";
import { registerSchema } from "#app/modules/accounts/accounts.schema.ts";
import { registerUser } from "#app/modules/accounts/accounts.server.ts";
import { NewPasswordField } from "#app/modules/accounts/components/new-password-field.tsx";
import { listSsoProviders } from "#app/modules/sso/providers.server.ts";
import { ErrorSummary, SubmitButton, TextField } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { fieldErrorsOf, fieldProps, useIntentForm } from "#app/ui/intent-form.ts";
import { Card, PageHeader } from "#app/ui/layout.tsx";
import { pageTitle } from "#app/ui/page-title.ts";
import { handleForm } from "../forms.server.ts";
import { withVisitor } from "../pipeline.server.ts";
import { registrationCookie, requestInfo, requestState } from "../session.server.ts";
import type { Route } from "./+types/register";
import { SsoButtons } from "./sso-buttons.tsx";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.register");
}

export async function loader(args: Route.LoaderArgs) {
  return withVisitor(args, async ({ actor }) => {
    if (actor) throw redirect("/");
    return { ssoProviders: listSsoProviders().map(({ key, name }) => ({ key, name })) };
  });
}

export async function action(args: Route.ActionArgs) {
  return withVisitor(args, async ({ db }) =>
    handleForm(args.request, registerSchema, async (form) => {
      const { browserToken } = await registerUser(
        db,
        form,
        requestInfo(args.request, args.context.get(requestState)),
      );
      // The verification link signs in only in this browser (verifyEmail).
      return data(
        { sentTo: form.email },
        { headers: { "Set-Cookie": registrationCookie(browserToken) } },
      );
    }),
  );
}

export default function Register({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const [form, fields] = useIntentForm<z.input<typeof registerSchema>>("", actionData, {
    id: "register",
  });
  if (actionData && "sentTo" in actionData) {
    return (
      <Card>
        <h1 className="text-2xl font-bold">{t("register.done.title")}</h1>
        <p role="status" className="mt-3 text-slate-700">
          {t("register.done.body", { email: actionData.sentTo })}
        </p>
      </Card>
    );
  }
  return (
    <div className="mx-auto max-w-md">
      <PageHeader title={t("register.title")} intro={t("register.intro")} />
      <SsoButtons
        providers={loaderData.ssoProviders}
        returnTo="/"
        intro={t("sso.buttons.register")}
      />
      {loaderData.ssoProviders.length ? (
        <h2 className="mt-6 mb-3 text-lg font-semibold">{t("sso.or")}</h2>
      ) : null}
      <Card>
        <Form method="post" {...getFormProps(form)} className="flex flex-col gap-4">
          <ErrorSummary errors={fieldErrorsOf(form)} />
          <TextField
            {...fieldProps(fields.name)}
            label={t("field.name")}
            autoComplete="name"
            required
          />
          <TextField
            {...fieldProps(fields.email)}
            type="email"
            label={t("field.email")}
            autoComplete="email"
            required
          />
          <NewPasswordField label={t("field.password")} error={fields.password.errors?.[0]} />
          <SubmitButton>{t("register.submit")}</SubmitButton>
        </Form>
      </Card>
      <p className="mt-4">
        {t("register.haveAccount")}{" "}
        <Link to="/inloggen" className="text-accent-700 underline">
          {t("nav.login")}
        </Link>
      </p>
    </div>
  );
}
