import { Form, redirect } from "react-router";
import { isMessageKey } from "#app/i18n/messages.ts";
import { sendAccountLink } from "#app/modules/accounts/accounts.server.ts";
import {
  dropPassword,
  listIdentities,
  unlinkIdentity,
} from "#app/modules/sso/identities.server.ts";
import { listSsoProviders } from "#app/modules/sso/providers.server.ts";
import { signInMethodsSchema } from "#app/modules/sso/sign-in-methods.schema.ts";
import { ErrorSummary, SubmitButton } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { formErrorOf, formErrorParamsOf } from "#app/ui/intent-form.ts";
import { Card, Notice, PageHeader } from "#app/ui/layout.tsx";
import { pageTitle } from "#app/ui/page-title.ts";
import { FormRefusal, handleIntents } from "../forms.server.ts";
import { withActor } from "../pipeline.server.ts";
import { noticeFrom, requestInfo, requestState } from "../session.server.ts";
import type { Route } from "./+types/sign-in-methods";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.signInMethods");
}

const notices = [
  "sso.methods.linkedNotice",
  "sso.methods.unlinkedNotice",
  "sso.methods.passwordDroppedNotice",
  "sso.methods.passwordMailNotice",
] as const;

const proofPattern = /^[A-Za-z0-9_-]{43}$/;
function proofOf(request: Request) {
  const proof = new URL(request.url).searchParams.get("bewijs");
  return proof && proofPattern.test(proof) ? proof : null;
}

export async function loader(args: Route.LoaderArgs) {
  return withActor(args, async ({ db, actor }) => {
    const { hasPassword, identities } = await listIdentities(db, actor);
    const linked = new Set(identities.map((identity) => identity.provider));
    const notice = noticeFrom(args.request);
    // A refused link (the account is someone else's) comes back as ?reden= from the callback.
    const reason = new URL(args.request.url).searchParams.get("reden");
    return {
      hasPassword,
      // The single-use proof of a provider login (?bewijs=) a password-less account links with.
      proof: proofOf(args.request),
      identities: identities.map((identity) => ({
        id: identity.id,
        provider: identity.provider,
        providerName: identity.providerName,
        lastLoginAt: identity.lastLoginAt,
      })),
      unlinked: listSsoProviders().filter((provider) => !linked.has(provider.key)),
      // The linked providers that still are a way in: a password-less account proves it is
      // them through one of these before it may link another.
      reauthWith: listSsoProviders().filter((provider) => linked.has(provider.key)),
      notice: notices.find((key) => key === notice) ?? null,
      reason: reason?.startsWith("sso.refused.") && isMessageKey(reason) ? reason : null,
    };
  });
}

export async function action(args: Route.ActionArgs) {
  return withActor(args, async ({ db, actor }) => {
    const back = (notice: string) => redirect(`/account/inlogmethoden?melding=${notice}`);
    return handleIntents(args.request, signInMethodsSchema, {
      unlink: async ({ identityId }) => {
        const outcome = await unlinkIdentity(db, actor, identityId);
        if (outcome.kind === "last-way-in") throw new FormRefusal("error.sso.lastWay");
        return back("sso.methods.unlinkedNotice");
      },
      "drop-password": async () => {
        const outcome = await dropPassword(db, actor);
        if (outcome.kind === "no-identity") throw new FormRefusal("error.sso.noIdentity");
        return back("sso.methods.passwordDroppedNotice");
      },
      // Setting or changing the password goes through the reset mail: it proves the address
      // again, and there is one place where a password is chosen.
      "password-mail": async () => {
        const outcome = await sendAccountLink(
          db,
          actor.email,
          "reset-password",
          requestInfo(args.request, args.context.get(requestState)),
        );
        if (outcome.kind === "rate-limited") {
          throw new FormRefusal(
            "login.rateLimited",
            { status: 429, headers: { "Retry-After": String(outcome.retryAfterSeconds) } },
            { minutes: Math.ceil(outcome.retryAfterSeconds / 60) },
          );
        }
        return back("sso.methods.passwordMailNotice");
      },
    });
  });
}

const secondaryButton =
  "rounded-md border border-slate-400 bg-white px-3 py-1 font-medium text-slate-900 hover:bg-slate-100";

export default function SignInMethods({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { identities, unlinked, hasPassword, proof } = loaderData;
  const formError = formErrorOf(actionData);
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader title={t("sso.methods.title")} intro={t("sso.methods.intro")} />
      <div className="flex flex-col gap-4">
        {loaderData.notice ? <Notice tone="success">{t(loaderData.notice)}</Notice> : null}
        {loaderData.reason ? <Notice tone="warning">{t(loaderData.reason)}</Notice> : null}
        {!hasPassword && unlinked.length > 0 ? (
          proof ? (
            <Notice tone="success">{t("sso.methods.reauthDone")}</Notice>
          ) : (
            <Card>
              <p className="text-slate-700">{t("sso.methods.reauthHint")}</p>
              <div className="mt-3 flex flex-wrap gap-2">
                {loaderData.reauthWith.map((provider) => (
                  <Form key={provider.key} method="post" action={`/inloggen/sso/${provider.key}`}>
                    <input type="hidden" name="intent" value="reauth" />
                    <input type="hidden" name="terug" value="/account/inlogmethoden" />
                    <button type="submit" className={secondaryButton}>
                      {t("sso.methods.reauthFirst", { name: provider.name })}
                    </button>
                  </Form>
                ))}
              </div>
            </Card>
          )
        ) : null}
        <ErrorSummary
          errors={formError ? { form: formError } : undefined}
          params={formErrorParamsOf(actionData)}
        />
        <Card>
          <h2 className="text-lg font-semibold">{t("sso.methods.providers")}</h2>
          {identities.length === 0 && unlinked.length === 0 ? (
            <p className="mt-2 text-slate-700">{t("sso.methods.none")}</p>
          ) : (
            <ul className="mt-3 flex flex-col gap-3">
              {identities.map((identity) => (
                <li key={identity.id} className="flex flex-wrap items-center justify-between gap-3">
                  <div>
                    <p className="font-medium">
                      {identity.providerName}{" "}
                      <span className="ml-1 rounded bg-green-50 px-2 text-sm text-green-900">
                        {t("sso.methods.linked")}
                      </span>
                    </p>
                    <p className="text-sm text-slate-700">
                      {identity.lastLoginAt
                        ? t("sso.methods.lastLogin", { date: t.dateTime(identity.lastLoginAt) })
                        : t("sso.methods.neverUsed")}
                    </p>
                  </div>
                  <Form method="post">
                    <input type="hidden" name="intent" value="unlink" />
                    <input type="hidden" name="identityId" value={identity.id} />
                    <button
                      type="submit"
                      aria-label={t("sso.methods.disconnectNamed", {
                        name: identity.providerName,
                      })}
                      className={secondaryButton}
                    >
                      {t("sso.methods.disconnect")}
                    </button>
                  </Form>
                </li>
              ))}
              {unlinked.map((provider) => (
                <li
                  key={provider.key}
                  className="flex flex-wrap items-center justify-between gap-3"
                >
                  <div>
                    <p className="font-medium">{provider.name}</p>
                    <p className="text-sm text-slate-700">{t("sso.methods.notLinked")}</p>
                  </div>
                  {/* Linking starts at the provider, as a login does, for the signed-in person,
                      who proves it is them first: the password, or a fresh provider login. */}
                  {hasPassword || proof ? (
                    <Form
                      method="post"
                      action={`/inloggen/sso/${provider.key}`}
                      className="flex flex-wrap items-end gap-2"
                    >
                      <input type="hidden" name="intent" value="link" />
                      <input type="hidden" name="terug" value="/account/inlogmethoden" />
                      {proof ? <input type="hidden" name="proof" value={proof} /> : null}
                      {hasPassword ? (
                        <label className="flex flex-col text-sm">
                          {t("sso.methods.linkPassword", { name: provider.name })}
                          <input
                            type="password"
                            name="password"
                            autoComplete="current-password"
                            required
                            className="mt-1 rounded-md border border-slate-400 px-2 py-1"
                          />
                        </label>
                      ) : null}
                      <button
                        type="submit"
                        aria-label={t("sso.methods.connectNamed", { name: provider.name })}
                        className={secondaryButton}
                      >
                        {t("sso.methods.connect")}
                      </button>
                    </Form>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card>
          <h2 className="text-lg font-semibold">{t("sso.methods.password")}</h2>
          <p className="mt-2 text-slate-700">
            {hasPassword ? t("sso.methods.hasPassword") : t("sso.methods.noPassword")}
          </p>
          <Form method="post" className="mt-3 flex flex-col items-start gap-2">
            <input type="hidden" name="intent" value="password-mail" />
            <p className="text-sm text-slate-700">{t("sso.methods.passwordMailHint")}</p>
            <SubmitButton variant="secondary">
              {hasPassword ? t("sso.methods.changePassword") : t("sso.methods.setPassword")}
            </SubmitButton>
          </Form>
          {hasPassword && identities.length > 0 ? (
            <Form method="post" className="mt-4 flex flex-col items-start gap-2">
              <input type="hidden" name="intent" value="drop-password" />
              <p className="text-sm text-slate-700">{t("sso.methods.dropPasswordHint")}</p>
              <SubmitButton variant="danger">{t("sso.methods.dropPassword")}</SubmitButton>
            </Form>
          ) : null}
        </Card>
      </div>
    </div>
  );
}
