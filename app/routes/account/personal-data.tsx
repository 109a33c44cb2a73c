import { getFormProps } from "@conform-to/react";
import { useEffect } from "react";
import { Form, Link, redirect, useRevalidator } from "react-router";
import type { z } from "zod";
import {
  deleteOwnAccount,
  erasureOverview,
  reauthenticationMethods,
} from "#app/modules/privacy/account-deletion.server.ts";
import { exportsPerDay, latestExport, requestExport } from "#app/modules/privacy/export.server.ts";
import { personalDataPageSchema } from "#app/modules/privacy/rights.schema.ts";
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
import { baseUrl, clearSessionCookie, noticeFrom, requestState } from "../session.server.ts";
import type { Route } from "./+types/personal-data";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.personalData");
}

/** The proof the SSO callback hands back (?bewijs=): a 43-character token, or nothing. */
const proofPattern = /^[A-Za-z0-9_-]{43}$/;

function fileSize(bytes: number, locale: string) {
  const format = (value: number) =>
    new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
  if (bytes < 1_000_000) return `${format(Math.max(1, Math.round(bytes / 1000)))} kB`;
  return `${format(bytes / 1_000_000)} MB`;
}

export async function loader(args: Route.LoaderArgs) {
  return withActor(args, async ({ db, actor }) => {
    const { locale } = args.context.get(requestState);
    const url = new URL(args.request.url);
    const proof = url.searchParams.get("bewijs");
    const [current, methods] = await Promise.all([
      latestExport(db, actor.userId, locale),
      reauthenticationMethods(db, actor),
    ]);
    return {
      export: current
        ? { ...current, size: current.size === null ? null : fileSize(current.size, locale) }
        : null,
      methods,
      proof: proof && proofPattern.test(proof) ? proof : null,
      erasure: erasureOverview(locale),
      notice: noticeFrom(args.request),
    };
  });
}

export async function action(args: Route.ActionArgs) {
  return withActor(args, async ({ db, actor }) => {
    return handleIntents(args.request, personalDataPageSchema, {
      export: async () => {
        const outcome = await requestExport(db, actor.userId, { baseUrl: baseUrl(args.request) });
        if (outcome.kind === "rate-limited") {
          throw new FormRefusal(
            "rights.export.rateLimited",
            { status: 429 },
            {
              count: exportsPerDay,
            },
          );
        }
        return redirect("/account/gegevens?melding=rights.export.started");
      },
      delete: async (form) => {
        const outcome = await deleteOwnAccount(db, actor, form);
        if (outcome.kind === "rate-limited") {
          throw new FormRefusal(
            "rights.error.rateLimited",
            { status: 429, headers: { "Retry-After": String(outcome.retryAfterSeconds) } },
            { minutes: Math.ceil(outcome.retryAfterSeconds / 60) },
          );
        }
        return redirect("/?melding=rights.deleted", {
          headers: { "Set-Cookie": clearSessionCookie() },
        });
      },
    });
  });
}

type LoaderData = Route.ComponentProps["loaderData"];

/**
 * While the export is made the page keeps itself current: with JavaScript by revalidating every
 * two seconds, without it by the refresh in <noscript> (which a browser running scripts ignores).
 */
function useRefreshWhile(active: boolean) {
  const revalidator = useRevalidator();
  const { revalidate, state } = revalidator;
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => {
      if (document.visibilityState === "visible" && state === "idle") void revalidate();
    }, 2000);
    return () => clearInterval(timer);
  }, [active, revalidate, state]);
}

function ExportSection({
  current,
  actionData,
}: {
  current: LoaderData["export"];
  actionData: unknown;
}) {
  const t = useT();
  const [form] = useIntentForm("export", actionData, { id: "export" });
  const formError = formErrorOf(actionData);
  const busy = current?.status === "pending" || current?.status === "running";
  useRefreshWhile(busy);
  const button = (label: string) => (
    <Form method="post" {...getFormProps(form)} className="flex flex-col gap-3">
      {formError && form.status === "error" ? (
        <ErrorSummary errors={{ form: formError }} params={formErrorParamsOf(actionData)} />
      ) : null}
      <input type="hidden" name="intent" value="export" />
      <div>
        <SubmitButton>{label}</SubmitButton>
      </div>
    </Form>
  );
  return (
    <Card>
      <h2 id="export-heading" className="text-xl font-semibold">
        {t("rights.export.heading")}
      </h2>
      <p className="mt-2 max-w-2xl text-slate-700">{t("rights.export.intro")}</p>
      <div className="mt-4 flex flex-col gap-3">
        {busy && current ? (
          <>
            <noscript
              // biome-ignore lint/security/noDangerouslySetInnerHtml: a fixed tag; React cannot render a refresh only for browsers without scripts
              dangerouslySetInnerHTML={{ __html: '<meta http-equiv="refresh" content="3">' }}
            />
            <div aria-live="polite" className="flex flex-col gap-2">
              <p id="export-progress-label" className="font-medium">
                {current.status === "pending"
                  ? t("rights.export.pending")
                  : t("rights.export.running", { progress: current.progress })}
              </p>
              {current.step ? (
                <p className="text-slate-700">
                  {t("rights.export.step", {
                    module: current.step.name,
                    number: current.step.number,
                    count: current.step.count,
                  })}
                </p>
              ) : null}
            </div>
            <progress
              value={current.progress}
              max={100}
              aria-labelledby="export-progress-label"
              className="h-3 w-full max-w-md accent-accent-700"
            >
              {current.progress}%
            </progress>
            <p className="text-sm text-slate-700">{t("rights.export.refreshes")}</p>
          </>
        ) : current?.status === "ready" ? (
          <>
            <Notice tone="success">
              <p className="font-medium">{t("rights.export.ready")}</p>
              <p className="mt-2">
                <a
                  href={`/account/gegevens/export/${current.id}`}
                  className="font-medium text-accent-700 underline"
                >
                  {t("rights.export.download", { size: current.size ?? "" })}
                </a>
              </p>
              <p className="mt-2 text-sm">
                {t("rights.export.until", {
                  made: t.dateTime(current.readyAt ?? current.createdAt),
                  until: t.date(current.expiresAt ?? current.createdAt),
                })}
              </p>
            </Notice>
            {button(t("rights.export.again"))}
          </>
        ) : current?.status === "failed" ? (
          <>
            <Notice tone="warning">
              <p>{t.error(current.error ?? "rights.export.failed")}</p>
              {current.step ? (
                <p className="mt-1">{t("rights.export.failedAt", { module: current.step.name })}</p>
              ) : null}
            </Notice>
            {button(t("rights.export.retry"))}
          </>
        ) : (
          button(t("rights.export.start"))
        )}
      </div>
    </Card>
  );
}

function DeleteSection({ data, actionData }: { data: LoaderData; actionData: unknown }) {
  const t = useT();
  const [form, fields] = useIntentForm<
    Extract<z.input<typeof personalDataPageSchema>, { intent: "delete" }>
  >("delete", actionData, { id: "delete" });
  const formError = form.status === "error" ? formErrorOf(actionData) : undefined;
  const errors = formError ? { form: formError } : fieldErrorsOf(form);
  const { methods } = data;
  // With a password, the password is the proof (proveIdentity refuses a provider login instead).
  const proof = methods.hasPassword ? null : data.proof;
  const ruleHeading = {
    delete: t("rights.delete.rule.delete"),
    anonymise: t("rights.delete.rule.anonymise"),
    keep: t("rights.delete.rule.keep"),
  };
  const canConfirm = proof !== null || methods.hasPassword || methods.providers.length > 0;
  return (
    <Card>
      <h2 id="verwijderen" className="text-xl font-semibold">
        {t("rights.delete.heading")}
      </h2>
      <p className="mt-2 max-w-2xl text-slate-700">{t("rights.delete.intro")}</p>
      {data.erasure.map((group) => (
        <section key={group.rule} className="mt-4">
          <h3 className="font-semibold">{ruleHeading[group.rule]}</h3>
          <ul className="mt-1 flex list-disc flex-col gap-1 pl-6 text-slate-800">
            {group.items.map((item) => (
              <li key={`${item.module}|${item.data}`}>
                {t("rights.delete.item", { module: item.module, data: item.data })}
                {group.rule === "delete" ? null : (
                  <span className="block text-sm text-slate-700">{item.note}</span>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
      <h3 className="mt-6 text-lg font-semibold">{t("rights.delete.reauth.heading")}</h3>
      {!canConfirm ? <Notice tone="warning">{t("rights.delete.reauth.none")}</Notice> : null}
      {!methods.hasPassword && proof === null && methods.providers.length > 0 ? (
        <div className="mt-2 flex flex-col gap-2">
          <p className="text-slate-700">{t("rights.delete.reauth.sso")}</p>
          {methods.providers.map((provider) => (
            <Form key={provider.key} method="post" action={`/inloggen/sso/${provider.key}`}>
              <input type="hidden" name="intent" value="reauth" />
              <input type="hidden" name="terug" value="/account/gegevens#verwijderen" />
              <SubmitButton variant="secondary">
                {t("rights.delete.reauth.button", { name: provider.name })}
              </SubmitButton>
            </Form>
          ))}
        </div>
      ) : null}
      {canConfirm && (proof !== null || methods.hasPassword) ? (
        <Form method="post" {...getFormProps(form)} className="mt-4 flex flex-col gap-4">
          <ErrorSummary errors={errors} params={formErrorParamsOf(actionData)} />
          <input type="hidden" name="intent" value="delete" />
          {proof !== null ? (
            <>
              <input type="hidden" name="proof" value={proof} />
              <Notice tone="success">{t("rights.delete.reauth.done")}</Notice>
            </>
          ) : (
            <TextField
              {...fieldProps(fields.password)}
              type="password"
              label={t("rights.delete.password")}
              autoComplete="current-password"
              maxLength={128}
              required
            />
          )}
          <TextField
            {...fieldProps(fields.confirmation)}
            label={t("rights.delete.confirmation")}
            hint={t("rights.delete.confirmation.hint")}
            autoComplete="off"
            required
          />
          <div>
            <SubmitButton variant="danger">{t("rights.delete.submit")}</SubmitButton>
          </div>
        </Form>
      ) : null}
    </Card>
  );
}

export default function PersonalData({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <PageHeader title={t("rights.title")} intro={t("rights.intro")}>
        <p>
          <Link to="/privacy" className="text-accent-700 underline">
            {t("rights.privacyLink")}
          </Link>
        </p>
      </PageHeader>
      {loaderData.notice ? <Notice tone="success">{t(loaderData.notice)}</Notice> : null}
      <ExportSection current={loaderData.export} actionData={actionData} />
      <DeleteSection data={loaderData} actionData={actionData} />
    </div>
  );
}
