import { data, Form, Link, redirect } from "react-router";
import { getDb } from "#app/db/client.server.ts";
import { surveyDefinitionSchema } from "#app/modules/evaluation/evaluation.schema.ts";
import { scaleLabels } from "#app/modules/evaluation/survey-template.ts";
import {
  createSurvey,
  listSurveys,
  remindSurvey,
  sendSurvey,
} from "#app/modules/evaluation/surveys.server.ts";
import {
  authorizeNetwork,
  requireCanManageNetwork,
} from "#app/modules/networks/network-access.server.ts";
import { parseForm } from "#app/platform/forms.ts";
import {
  ErrorSummary,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
} from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { Card, EmptyState, Notice, PageHeader, Tag } from "#app/ui/layout.tsx";
import { withFieldErrors } from "../networks/network-helpers.server.ts";
import { baseUrl, noticeFrom, requestState, requireActor } from "../session.server.ts";
import type { Route } from "./+types/surveys";

export function meta() {
  return [{ title: "Vragenlijsten — Knooppunt" }];
}

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const actor = requireActor(context.get(requestState), request);
  const view = await listSurveys(await getDb(), actor, params.networkId);
  return {
    network: { id: view.network.id, name: view.network.name },
    surveys: view.surveys,
    notice: noticeFrom(request),
  };
}

export async function action({ context, params, request }: Route.ActionArgs) {
  const actor = requireActor(context.get(requestState), request);
  const db = await getDb();
  // Rights before the form: someone without them gets the 404, not field errors.
  requireCanManageNetwork(await authorizeNetwork(db, actor, params.networkId), "not-found");
  const formData = await request.formData();
  const mail = { baseUrl: baseUrl(request) };
  const back = (notice: string) =>
    redirect(`/netwerken/${params.networkId}/vragenlijsten?melding=${notice}`);
  const intent = formData.get("intent");
  const surveyId = String(formData.get("surveyId") ?? "");
  if (intent === "send") {
    const result = await withFieldErrors(() =>
      sendSurvey(db, actor, params.networkId, surveyId, mail),
    );
    return result.ok
      ? back("survey.sent")
      : data({ errors: result.errors, values: {} }, { status: 400 });
  }
  if (intent === "remind") {
    await remindSurvey(db, actor, params.networkId, surveyId, mail);
    return back("survey.reminded");
  }
  const form = parseForm(surveyDefinitionSchema, formData);
  if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
  const result = await withFieldErrors(() => createSurvey(db, actor, params.networkId, form.data));
  if (!result.ok)
    return data({ errors: result.errors, values: Object.fromEntries(formData) }, { status: 400 });
  return back("survey.created");
}

export default function Surveys({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { network, surveys } = loaderData;
  const errors = actionData?.errors as Record<string, string> | undefined;
  const values = actionData?.values as Record<string, string> | undefined;
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <PageHeader title={t("survey.list")} intro={network.name}>
        <Link to={`/netwerken/${network.id}`} className="text-accent-700 underline">
          {t("net.enrol.back")}
        </Link>
      </PageHeader>
      {loaderData.notice ? <Notice tone="success">{t(loaderData.notice)}</Notice> : null}
      <Card>
        {surveys.length === 0 ? (
          <EmptyState>{t("survey.none")}</EmptyState>
        ) : (
          <ul className="flex flex-col gap-3">
            {surveys.map((survey) => (
              <li
                key={survey.id}
                className="flex flex-wrap items-center gap-2 border-t border-slate-200 pt-2 first:border-t-0"
              >
                <Link
                  to={`/netwerken/${network.id}/vragenlijsten/${survey.id}`}
                  className="font-semibold text-accent-700 underline"
                >
                  {survey.title}
                </Link>
                <Tag>{t(`survey.kind.${survey.kind}`)}</Tag>
                {survey.anonymous ? <Tag>{t("survey.anonymous.tag")}</Tag> : null}
                <span className="text-sm">
                  {survey.sentAt
                    ? t("survey.answered", { answered: survey.answered, invited: survey.invited })
                    : t("survey.notSent")}
                </span>
                <Form method="post">
                  <input type="hidden" name="surveyId" value={survey.id} />
                  {survey.sentAt ? (
                    <button
                      type="submit"
                      name="intent"
                      value="remind"
                      className="rounded border border-slate-400 bg-white px-2 py-1 text-sm"
                    >
                      {t("survey.remind")}
                    </button>
                  ) : (
                    <button
                      type="submit"
                      name="intent"
                      value="send"
                      className="rounded bg-accent-700 px-2 py-1 text-sm text-white"
                    >
                      {t("survey.send")}
                    </button>
                  )}
                </Form>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card>
        <h2 className="text-lg font-semibold">{t("survey.new")}</h2>
        <p className="text-sm text-slate-700">{t("survey.new.intro")}</p>
        <Form method="post" noValidate className="mt-3 flex flex-col gap-3">
          <ErrorSummary errors={errors} />
          <SelectField
            name="kind"
            label={t("survey.kind")}
            required
            error={errors?.kind}
            defaultValue={values?.kind ?? "baseline"}
            options={(["baseline", "follow-up", "closing"] as const).map((kind) => ({
              value: kind,
              label: t(`survey.kind.${kind}`),
            }))}
          />
          <TextField
            name="title"
            label={t("survey.title")}
            required
            error={errors?.title}
            defaultValue={values?.title ?? ""}
          />
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              name="useTemplate"
              className="size-4"
              defaultChecked={values ? values.useTemplate === "on" : true}
            />
            {t("survey.useTemplate")}
          </label>
          <TextAreaField
            name="extraItems"
            label={t("survey.extraItems")}
            hint={t("survey.extraItems.hint")}
            rows={4}
            error={errors?.extraItems}
            defaultValue={values?.extraItems ?? ""}
          />
          <TextField
            name="scaleLabels"
            label={t("survey.scaleLabels")}
            hint={t("survey.scaleLabels.hint")}
            error={errors?.scaleLabels}
            defaultValue={values?.scaleLabels ?? scaleLabels.join(", ")}
          />
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              name="anonymous"
              className="size-4"
              defaultChecked={values ? values.anonymous === "on" : true}
            />
            {t("survey.anonymous")}
          </label>
          <div>
            <SubmitButton>{t("survey.create")}</SubmitButton>
          </div>
        </Form>
      </Card>
    </div>
  );
}
