import { getFormProps } from "@conform-to/react";
import { Form, Link } from "react-router";
import { type OwnEmailForm, ownEmailPageSchema } from "#app/modules/accounts/accounts.schema.ts";
import {
  pendingEmailOf,
  requestOwnEmailChange,
} from "#app/modules/accounts/email-change.server.ts";
import { listIdentities } from "#app/modules/sso/identities.server.ts";
import { listSsoProviders } from "#app/modules/sso/providers.server.ts";
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
import { FormRefusal, handleIntents } from "../forms.server.ts";
import { withActor } from "../pipeline.server.ts";
import { noticeFrom, requestInfo, requestState } from "../session.server.ts";
import type { Route } from "./+types/email";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.ownEmail");
}

const notices = ["emailChange.confirmed"] as const;

export async function loader(args: Route.LoaderArgs) {
  return withActor(args, async ({ db, actor }) => {
    const url = new URL(args.request.url);
    const [pendingEmail, { hasPassword, identities }] = await Promise.all([
      pendingEmailOf(db, actor.userId),
      listIdentities(db, actor),
    ]);
    // Without a password the person proves it is them at a provider they log in with; the
    // callback brings them back here with ?bewijs=, which the form carries to the action.
    const configured = new Set(listSsoProviders().map((provider) => provider.key));
    const providers = identities
      .filter((identity) => configured.has(identity.provider))
      .map((identity) => ({ key: identity.provider, name: identity.providerName }));
    const proof = url.searchParams.get("bewijs")?.slice(0, 200) ?? null;
    const notice = noticeFrom(args.request);
    return {
      email: actor.email,
      pendingEmail,
      hasPassword,
      providers: [...new Map(providers.map((p) => [p.key, p])).values()],
      proof,
      notice: notices.find((key) => key === notice) ?? null,
    };
  });
}

export async function action(args: Route.ActionArgs) {
  return withActor(args, async ({ db, actor }) =>
    handleIntents(args.request, ownEmailPageSchema, {
      "change-email": async ({ email, password, proof }) => {
        const outcome = await requestOwnEmailChange(
          db,
          actor,
          { email, password: password || undefined, proof: proof || undefined },
          requestInfo(args.request, args.context.get(requestState)),
        );
        if (outcome.kind === "rate-limited") {
          throw new FormRefusal(
            "login.rateLimited",
            { status: 429, headers: { "Retry-After": String(outcome.retryAfterSeconds) } },
            { minutes: Math.ceil(outcome.retryAfterSeconds / 60) },
          );
        }
        return { sentTo: outcome.email };
      },
    }),
  );
}

export default function OwnEmail({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const [form, fields] = useIntentForm<Extract<OwnEmailForm, { intent: "change-email" }>>(
    "change-email",
    actionData,
  );
  const sentTo = actionData && "sentTo" in actionData ? actionData.sentTo : null;
  const pending = sentTo ?? loaderData.pendingEmail;
  const { hasPassword, providers, proof } = loaderData;
  const formError = formErrorOf(actionData);
  // With a password, the password is the proof (the module refuses a provider login instead).
  const proofToSend = hasPassword ? null : proof;
  const canProve = hasPassword || proofToSend !== null;
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-4">
      <PageHeader title={t("emailChange.title")} intro={t("emailChange.intro")} />
      {loaderData.notice ? <Notice tone="success">{t(loaderData.notice)}</Notice> : null}
      {sentTo ? <Notice tone="success">{t("emailChange.sent", { email: sentTo })}</Notice> : null}
      <Card>
        <p>{t("emailChange.current", { email: loaderData.email })}</p>
        {pending && !sentTo ? (
          <p className="mt-2 text-slate-700">{t("emailChange.pending", { email: pending })}</p>
        ) : null}
      </Card>
      {canProve ? (
        <Card>
          <Form method="post" {...getFormProps(form)} className="flex flex-col gap-4">
            <input type="hidden" name="intent" value="change-email" />
            {proofToSend ? <input type="hidden" name="proof" value={proofToSend} /> : null}
            {proofToSend ? <Notice tone="success">{t("emailChange.reauthDone")}</Notice> : null}
            <ErrorSummary
              errors={formError ? { form: formError } : fieldErrorsOf(form)}
              params={formErrorParamsOf(actionData)}
            />
            <TextField
              {...fieldProps(fields.email)}
              type="email"
              autoComplete="email"
              label={t("emailChange.newEmail")}
              required
            />
            {proofToSend ? null : (
              <TextField
                {...fieldProps(fields.password)}
                type="password"
                autoComplete="current-password"
                label={t("emailChange.password")}
                hint={t("emailChange.passwordHint")}
                required
              />
            )}
            <div>
              <SubmitButton>{t("emailChange.submit")}</SubmitButton>
            </div>
          </Form>
        </Card>
      ) : (
        <Card>
          {providers.length > 0 ? (
            <>
              <p>{t("emailChange.noPassword")}</p>
              <ul className="mt-3 flex flex-wrap gap-3">
                {providers.map((provider) => (
                  <li key={provider.key}>
                    <Form method="post" action={`/inloggen/sso/${provider.key}`}>
                      <input type="hidden" name="intent" value="reauth" />
                      <input type="hidden" name="terug" value="/account/e-mailadres" />
                      <SubmitButton variant="secondary">
                        {t("emailChange.reauth", { provider: provider.name })}
                      </SubmitButton>
                    </Form>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p>
              {t("emailChange.noWayToProve")}{" "}
              <Link to="/account/inlogmethoden" className="text-accent-700 underline">
                {t("emailChange.methodsLink")}
              </Link>
            </p>
          )}
        </Card>
      )}
    </div>
  );
}
