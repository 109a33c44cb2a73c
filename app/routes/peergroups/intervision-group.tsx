import { data, Form, Link, redirect } from "react-router";
import { getDb } from "#app/db/client.server.ts";
import {
  assertInIntervisionGroup,
  bringCase,
  getIntervisionGroup,
} from "#app/modules/peergroups/intervision.server.ts";
import { caseSchema } from "#app/modules/peergroups/peergroups.schema.ts";
import { formValues, parseForm } from "#app/platform/forms.ts";
import {
  ErrorSummary,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
} from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { Card, EmptyState, LockNote, Notice, PageHeader, Tag } from "#app/ui/layout.tsx";
import { withFieldErrors } from "../networks/network-helpers.server.ts";
import { baseUrl, noticeFrom, requestState, requireActor } from "../session.server.ts";
import type { Route } from "./+types/intervision-group";

export function meta() {
  return [{ title: "Intervisiegroep — Knooppunt" }];
}

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const actor = requireActor(context.get(requestState), request);
  const view = await getIntervisionGroup(await getDb(), actor, params.networkId, params.groupId);
  return { ...view, networkId: params.networkId, notice: noticeFrom(request) };
}

export async function action({ context, params, request }: Route.ActionArgs) {
  const actor = requireActor(context.get(requestState), request);
  const db = await getDb();
  // Rights before the form: who is not in the group gets its 404, not field errors.
  await assertInIntervisionGroup(db, actor, params.networkId, params.groupId);
  const formData = await request.formData();
  const form = parseForm(caseSchema, formData);
  if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
  const base = `/netwerken/${params.networkId}/intervisie/${params.groupId}`;
  const result = await withFieldErrors(async () =>
    bringCase(
      db,
      actor,
      params.networkId,
      params.groupId,
      form.data,
      (id) => `${baseUrl(request)}${base}/sessies/${id}`,
    ),
  );
  if (!result.ok)
    return data({ errors: result.errors, values: formValues(formData) }, { status: 400 });
  return redirect(`${base}/sessies/${result.value}?melding=intervision.caseSaved`);
}

export default function IntervisionGroup({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { group, members, sessions, methods, networkId } = loaderData;
  const errors = actionData?.errors as Record<string, string> | undefined;
  const values = (actionData?.values ?? {}) as Record<string, string>;
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
          <Form method="post" className="mt-2 flex flex-col gap-3">
            <ErrorSummary errors={errors} />
            <TextField
              name="caseTitle"
              label={t("intervision.caseTitle")}
              required
              error={errors?.caseTitle}
              defaultValue={values.caseTitle ?? ""}
            />
            <TextAreaField
              name="caseText"
              label={t("intervision.caseText")}
              hint={t("intervision.caseHint")}
              required
              error={errors?.caseText}
              defaultValue={values.caseText ?? ""}
            />
            <SelectField
              name="methodId"
              label={t("intervision.method")}
              required
              error={errors?.methodId}
              defaultValue={values.methodId ?? ""}
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
