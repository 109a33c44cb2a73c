import { getFormProps } from "@conform-to/react";
import { Form, Link, redirect } from "react-router";
import type { z } from "zod";
import { isMessageKey } from "#app/i18n/messages.ts";
import { loginSchema } from "#app/modules/accounts/accounts.schema.ts";
import { authenticate } from "#app/modules/accounts/accounts.server.ts";
import { listSsoProviders } from "#app/modules/sso/providers.server.ts";
import { keepActionHeaders } from "#app/platform/http.server.ts";
import { ErrorSummary, SubmitButton, TextField } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import {
  fieldErrorsOf,
  fieldProps,
  formErrorOf,
  formErrorParamsOf,
  useIntentForm,
} from "#app/ui/intent-form.ts";
import { Card, Notice, PageHeader } from "#app/ui/layout.tsx";
import { pageTitle } from "#app/ui/page-title.ts";
import { FormRefusal, handleForm } from "../forms.server.ts";
import { withVisitor } from "../pipeline.server.ts";
import { requestInfo, requestState, safeReturnPath, startSession } from "../session.server.ts";
import type { Route } from "./+types/login";
import { SsoButtons } from "./sso-buttons.tsx";

export function headers(args: Route.HeadersArgs) {
  return keepActionHeaders(args);
}

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.login");
}

export async function loader(args: Route.LoaderArgs) {
  return withVisitor(args, async ({ actor }) => {
    const url = new URL(args.request.url);
    if (actor) throw redirect(safeReturnPath(url.searchParams.get("terug")));
    const reason = url.searchParams.get("reden");
    return {
      returnTo: safeReturnPath(url.searchParams.get("terug")),
      reason:
        reason && isMessageKey(reason)
          ? reason
          : url.searchParams.has("terug")
            ? "login.required"
            : null,
      ssoProviders: listSsoProviders().map(({ key, name }) => ({ key, name })),
    };
  });
}

export async function action(args: Route.ActionArgs) {
  return withVisitor(args, async ({ db }) => {
    const { request, context } = args;
    const formData = await request.formData();
    const returnTo = safeReturnPath(String(formData.get("terug") ?? "/"));
    return handleForm(formData, loginSchema, async (form) => {
      const state = context.get(requestState);
      const outcome = await authenticate(db, form, requestInfo(request, state));
      if (outcome.kind === "rate-limited") {
        const minutes = Math.ceil(outcome.retryAfterSeconds / 60);
        throw new FormRefusal(
          "login.rateLimited",
          { status: 429, headers: { "Retry-After": String(outcome.retryAfterSeconds) } },
          { minutes },
        );
      }
      if (outcome.kind === "invalid") throw new FormRefusal("login.invalid");
      if (outcome.kind === "unverified") throw new FormRefusal("login.unverified");
      return redirect(returnTo, {
        headers: { "Set-Cookie": await startSession(outcome.userId, request, state) },
      });
    });
  });
}

export default function Login({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const [form, fields] = useIntentForm<z.input<typeof loginSchema>>("", actionData, {
    id: "login",
  });
  const formError = formErrorOf(actionData);
  const errors = formError ? { form: formError } : fieldErrorsOf(form);
  return (
    <div className="mx-auto max-w-md">
      <PageHeader title={t("login.title")} />
      {loaderData.reason && !errors ? (
        <Notice tone={loaderData.reason.startsWith("sso.refused.") ? "warning" : "info"}>
          {t(loaderData.reason)}
        </Notice>
      ) : null}
      <SsoButtons providers={loaderData.ssoProviders} returnTo={loaderData.returnTo} />
      {loaderData.ssoProviders.length ? (
        <h2 className="mt-6 text-lg font-semibold">{t("sso.or")}</h2>
      ) : null}
      <Card className="mt-4">
        <Form method="post" {...getFormProps(form)} className="flex flex-col gap-4">
          <ErrorSummary errors={errors} params={formErrorParamsOf(actionData)} />
          <input type="hidden" name="terug" value={loaderData.returnTo} />
          <TextField
            {...fieldProps(fields.email)}
            type="email"
            label={t("field.email")}
            autoComplete="username"
            required
          />
          <TextField
            {...fieldProps(fields.password)}
            type="password"
            label={t("field.password")}
            autoComplete="current-password"
            maxLength={128}
            required
          />
          <SubmitButton>{t("login.submit")}</SubmitButton>
        </Form>
      </Card>
      <ul className="mt-4 flex flex-col gap-2">
        <li>
          <Link to="/wachtwoord-vergeten" className="text-accent-700 underline">
            {t("login.forgot")}
          </Link>
        </li>
        <li>
          <Link to="/inloggen/link" className="text-accent-700 underline">
            {t("login.magicLink")}
          </Link>
        </li>
        <li>
          {t("login.noAccount")}{" "}
          <Link to="/registreren" className="text-accent-700 underline">
            {t("nav.register")}
          </Link>
        </li>
      </ul>
    </div>
  );
}
