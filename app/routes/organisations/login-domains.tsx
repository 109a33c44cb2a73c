import { getFormProps } from "@conform-to/react";
import { Form, Link, redirect } from "react-router";
import {
  listLoginDomains,
  mapLoginDomain,
  unmapLoginDomain,
} from "#app/modules/organisations/login-domains.server.ts";
import {
  type LoginDomainsPageForm,
  loginDomainsPageSchema,
} from "#app/modules/organisations/organisations.schema.ts";
import { getOrganisation } from "#app/modules/organisations/organisations.server.ts";
import { ErrorSummary, SubmitButton, TextField } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { fieldErrorsOf, fieldProps, useIntentForm } from "#app/ui/intent-form.ts";
import { Card, EmptyState, Notice, PageHeader } from "#app/ui/layout.tsx";
import { pageTitle } from "#app/ui/page-title.ts";
import { handleIntents } from "../forms.server.ts";
import { withActor } from "../pipeline.server.ts";
import { noticeFrom } from "../session.server.ts";
import type { Route } from "./+types/login-domains";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.loginDomains");
}

const notices = ["loginDomains.added", "loginDomains.removed"] as const;

export async function loader(args: Route.LoaderArgs) {
  return withActor(args, async ({ db, actor }) => {
    // An unknown school is the 404; listLoginDomains refuses who may not keep it with the 403.
    const organisation = await getOrganisation(db, actor, args.params.organisationId);
    const domains = await listLoginDomains(db, actor, organisation.id);
    const notice = noticeFrom(args.request);
    return {
      organisation: { id: organisation.id, name: organisation.name },
      domains: domains.map((row) => row.domain),
      notice: notices.find((key) => key === notice) ?? null,
    };
  });
}

export async function action(args: Route.ActionArgs) {
  return withActor(args, async ({ db, actor }) => {
    const id = args.params.organisationId;
    const back = (notice: string) =>
      redirect(`/organisaties/${id}/inlogdomeinen?melding=${notice}`);
    return handleIntents(
      args.request,
      loginDomainsPageSchema,
      {
        add: async ({ domain }) => {
          await mapLoginDomain(db, actor, id, domain);
          return back("loginDomains.added");
        },
        remove: async ({ domain }) => {
          await unmapLoginDomain(db, actor, id, domain);
          return back("loginDomains.removed");
        },
      },
      // Rights before the form: who may not keep the school gets the 403, not field errors.
      { authorize: () => listLoginDomains(db, actor, id).then(() => undefined) },
    );
  });
}

export default function LoginDomains({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { organisation, domains } = loaderData;
  const [form, fields] = useIntentForm<Extract<LoginDomainsPageForm, { intent: "add" }>>(
    "add",
    actionData,
    { id: "login-domain" },
  );
  return (
    <div className="mx-auto max-w-2xl">
      <p className="mb-2">
        <Link to={`/organisaties/${organisation.id}`} className="text-accent-700 underline">
          {t("loginDomains.back", { name: organisation.name })}
        </Link>
      </p>
      <PageHeader
        title={t("loginDomains.title")}
        intro={t("loginDomains.intro", { name: organisation.name })}
      />
      {loaderData.notice ? <Notice tone="success">{t(loaderData.notice)}</Notice> : null}
      <Card className="mt-4">
        {domains.length === 0 ? (
          <EmptyState>{t("loginDomains.empty")}</EmptyState>
        ) : (
          <ul className="flex flex-col gap-2">
            {domains.map((domain) => (
              <li key={domain} className="flex flex-wrap items-center justify-between gap-3">
                <span className="font-medium">{domain}</span>
                <Form method="post">
                  <input type="hidden" name="intent" value="remove" />
                  <input type="hidden" name="domain" value={domain} />
                  <button
                    type="submit"
                    aria-label={t("loginDomains.removeNamed", { domain })}
                    className="rounded-md border border-slate-400 bg-white px-3 py-1 font-medium text-slate-900 hover:bg-slate-100"
                  >
                    {t("loginDomains.remove")}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        )}
        <Form method="post" {...getFormProps(form)} className="mt-6 flex flex-col gap-4">
          <ErrorSummary errors={fieldErrorsOf(form)} />
          <input type="hidden" name="intent" value="add" />
          <TextField
            {...fieldProps(fields.domain)}
            label={t("loginDomains.field")}
            hint={t("loginDomains.hint")}
            maxLength={253}
            required
          />
          <div>
            <SubmitButton>{t("loginDomains.add")}</SubmitButton>
          </div>
        </Form>
      </Card>
    </div>
  );
}
