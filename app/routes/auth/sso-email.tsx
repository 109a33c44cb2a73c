import { getFormProps } from "@conform-to/react";
import { data, Form, Link, redirect } from "react-router";
import type { z } from "zod";
import { emailOnlySchema } from "#app/modules/accounts/accounts.schema.ts";
import { listSsoProviders } from "#app/modules/sso/providers.server.ts";
import { completeSsoWithEmail } from "#app/modules/sso/sso.server.ts";
import { FieldError } from "#app/platform/forms.ts";
import { ErrorSummary, SubmitButton, TextField } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { fieldErrorsOf, fieldProps, useIntentForm } from "#app/ui/intent-form.ts";
import { Card, PageHeader } from "#app/ui/layout.tsx";
import { pageTitle } from "#app/ui/page-title.ts";
import { handleForm } from "../forms.server.ts";
import { withVisitor } from "../pipeline.server.ts";
import {
  clearSsoFlowCookie,
  readSsoFlowCookie,
  requestState,
  safeReturnPath,
  startSession,
} from "../session.server.ts";
import type { Route } from "./+types/sso-email";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.ssoEmail");
}

const expired = () => redirect("/inloggen?reden=sso.refused.expired");

/**
 * After a login whose provider gave no address it vouches for (Entree gives none): the address
 * to write to, verified by mail before anything is sent there but that link.
 */
export async function loader(args: Route.LoaderArgs) {
  return withVisitor(args, async () => {
    if (!readSsoFlowCookie(args.request)) throw expired();
    const via = new URL(args.request.url).searchParams.get("via");
    const provider = listSsoProviders().find((p) => p.key === via);
    return { providerName: provider?.name ?? null };
  });
}

export async function action(args: Route.ActionArgs) {
  return withVisitor(args, async ({ db }) => {
    const { request, context } = args;
    const flowId = readSsoFlowCookie(request);
    if (!flowId) throw expired();
    return handleForm(request, emailOnlySchema, async ({ email }) => {
      const state = context.get(requestState);
      const outcome = await completeSsoWithEmail(db, { flowId, email, locale: state.locale });
      if (outcome.kind === "invalid-email") throw new FieldError("email", "error.sso.email");
      if (outcome.kind === "expired") {
        throw redirect("/inloggen?reden=sso.refused.expired", {
          headers: { "Set-Cookie": clearSsoFlowCookie() },
        });
      }
      const headers = new Headers({ "Set-Cookie": clearSsoFlowCookie() });
      // The provider account is someone's already (a second tab linked it): signed in.
      if (outcome.kind === "logged-in") {
        headers.append(
          "Set-Cookie",
          await startSession(outcome.userId, request, state, {
            provider: outcome.provider,
            idToken: outcome.idToken,
          }),
        );
        return data({ sentTo: email, next: safeReturnPath(outcome.returnTo) }, { headers });
      }
      // Nothing is made before the address is proven: "check your mail", whether the link to
      // confirm it or (for someone's address) a note to its owner went out.
      return data({ sentTo: outcome.email, next: null }, { headers });
    });
  });
}

export default function SsoEmail({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const [form, fields] = useIntentForm<z.input<typeof emailOnlySchema>>("", actionData, {
    id: "sso-email",
  });
  if (actionData && "sentTo" in actionData) {
    return (
      <div className="mx-auto max-w-md">
        <Card>
          <h1 className="text-2xl font-bold">{t("sso.email.sent.title")}</h1>
          <p role="status" className="mt-3 text-slate-700">
            {t("sso.email.sent.body", { email: actionData.sentTo })}
          </p>
          {actionData.next ? (
            <p className="mt-3">
              <Link to={actionData.next} className="text-accent-700 underline">
                {t("sso.email.continue")}
              </Link>
            </p>
          ) : null}
        </Card>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-md">
      <PageHeader
        title={t("sso.email.title")}
        intro={t("sso.email.intro", {
          provider: loaderData.providerName ?? t("sso.email.yourInstitution"),
        })}
      />
      <Card>
        <Form method="post" {...getFormProps(form)} className="flex flex-col gap-4">
          <ErrorSummary errors={fieldErrorsOf(form)} />
          <TextField
            {...fieldProps(fields.email)}
            type="email"
            label={t("field.email")}
            autoComplete="email"
            required
          />
          <SubmitButton>{t("sso.email.submit")}</SubmitButton>
        </Form>
      </Card>
    </div>
  );
}
