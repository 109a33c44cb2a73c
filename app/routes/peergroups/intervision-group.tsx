import { getFormProps } from "@conform-to/react";
import { Form, Link, redirect } from "react-router";
import { bringCase, getIntervisionGroup } from "#app/modules/peergroups/intervision.server.ts";
import { type CaseForm, caseSchema } from "#app/modules/peergroups/peergroups.schema.ts";
import {
  ErrorSummary,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
} from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { fieldErrorsOf, fieldProps, useIntentForm } from "#app/ui/intent-form.ts";
import { Card, EmptyState, LockNote, Notice, PageHeader, Tag } from "#app/ui/layout.tsx";
import { pageTitle } from "#app/ui/page-title.ts";
import { handleForm } from "../forms.server.ts";
import { withGroup } from "../pipeline.server.ts";
import { baseUrl, noticeFrom } from "../session.server.ts";
import type { Route } from "./+types/intervision-group";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.intervisionGroup");
}

export async function loader(args: Route.LoaderArgs) {
  return withGroup(args, "intervision", async ({ db, network, group }) => {
    const view = await getIntervisionGroup(db, group);
    return { ...view, networkId: network.id, notice: noticeFrom(args.request) };
  });
}

// Who is not in the group never gets here: the group's layout answered them with its 404.
export async function action(args: Route.ActionArgs) {
  return withGroup(args, "intervision", async ({ db, network, group }) => {
    const base = `/netwerken/${network.id}/intervisie/${group.id}`;
    const link = (id: string) => `${baseUrl(args.request)}${base}/sessies/${id}`;
    return handleForm(args.request, caseSchema, async (input) => {
      const id = await bringCase(db, group, input, link);
      return redirect(`${base}/sessies/${id}?melding=intervision.caseSaved`);
    });
  });
}

export default function IntervisionGroup({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { group, members, sessions, methods, networkId } = loaderData;
  const [form, fields] = useIntentForm<CaseForm>("", actionData, { id: "case" });
  const base = `/netwerken/${networkId}/intervisie/${group.id}`;
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={group.name} intro={members.map((m) => m.name).join(", ")}>
        <LockNote>{t("peer.confidential")}</LockNote>
        <Link to={`/netwerken/${networkId}/intervisie`} className="text-accent-700 underline">
          {t("intervision.back")}
        </Link>
      </PageHeader>
      {loaderData.notice ? <Notice tone="success">{t(loaderData.notice)}</Notice> : null}
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <h2 className="text-lg font-semibold">{t("intervision.sessions")}</h2>
          {sessions.length ? (
            <ul className="mt-2 flex flex-col gap-3">
              {sessions.map((session) => (
                <li key={session.id}>
                  <Link
                    to={`${base}/sessies/${session.id}`}
                    className="font-semibold text-accent-700 underline"
                  >
                    {session.caseTitle}
                  </Link>
                  <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
                    {t("intervision.caseBy", { name: session.ownerName })} ·{" "}
                    {session.methodName ?? "?"}
                    <Tag>
                      {session.completedAt
                        ? t("intervision.status.done")
                        : session.currentStep < 0
                          ? t("intervision.status.ready")
                          : t("intervision.status.running")}
                    </Tag>
                  </p>
                </li>
              ))}
            </ul>
          ) : (
            <EmptyState>{t("intervision.noSessions")}</EmptyState>
          )}
        </Card>
        <Card>
          <h2 className="text-lg font-semibold">{t("intervision.bringCase")}</h2>
          <Form method="post" {...getFormProps(form)} className="mt-2 flex flex-col gap-3">
            <ErrorSummary errors={fieldErrorsOf(form)} />
            <TextField
              {...fieldProps(fields.caseTitle)}
              label={t("intervision.caseTitle")}
              required
            />
            <TextAreaField
              {...fieldProps(fields.caseText)}
              label={t("intervision.caseText")}
              hint={t("intervision.caseHint")}
              required
            />
            <SelectField
              {...fieldProps(fields.methodId)}
              label={t("intervision.method")}
              required
              placeholder={t("intervision.pickMethod")}
              options={methods.map((m) => ({ value: m.id, label: m.name }))}
            />
            <details>
              <summary className="cursor-pointer text-accent-700 underline">
                {t("intervision.aboutMethods")}
              </summary>
              <dl className="mt-2 flex flex-col gap-3">
                {methods.map((method) => (
                  <div key={method.id}>
                    <dt className="font-semibold">{method.name}</dt>
                    <dd className="text-sm">
                      {method.summary}
                      <ol className="mt-1 list-decimal pl-6">
                        {method.steps.map((step) => (
                          <li key={step.title}>
                            {step.title} ({t("intervision.minutes", { count: step.minutes })})
                          </li>
                        ))}
                      </ol>
                    </dd>
                  </div>
                ))}
              </dl>
            </details>
            <div>
              <SubmitButton>{t("intervision.saveCase")}</SubmitButton>
            </div>
          </Form>
        </Card>
      </div>
    </div>
  );
}
