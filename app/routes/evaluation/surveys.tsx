import { getFormProps } from "@conform-to/react";
import { Form, Link, redirect } from "react-router";
import { surveyKindLabel } from "#app/i18n/labels.ts";
import {
  type SurveysPageForm,
  surveysPageSchema,
} from "#app/modules/evaluation/evaluation.schema.ts";
import { scaleLabels } from "#app/modules/evaluation/survey-template.ts";
import {
  createSurvey,
  listSurveys,
  remindSurvey,
  sendSurvey,
} from "#app/modules/evaluation/surveys.server.ts";
import { requireCanManageNetwork } from "#app/modules/networks/network-access.server.ts";
import { isIntentReply } from "#app/platform/intent-reply.ts";
import { Button } from "#app/ui/button.tsx";
import {
  ErrorSummary,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
} from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { fieldErrorsOf, fieldProps, formErrorOf, useIntentForm } from "#app/ui/intent-form.ts";
import { Card, EmptyState, Notice, PageHeader, Tag } from "#app/ui/layout.tsx";
import { pageTitle } from "#app/ui/page-title.ts";
import { handleIntents } from "../forms.server.ts";
import { withNetworkActor } from "../pipeline.server.ts";
import { baseUrl, noticeFrom } from "../session.server.ts";
import type { Route } from "./+types/surveys";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.surveys");
}

export async function loader(args: Route.LoaderArgs) {
  return withNetworkActor(args, async ({ db, network }) => {
    const view = await listSurveys(db, network);
    return {
      network: { id: view.network.id, name: view.network.name },
      surveys: view.surveys,
      notice: noticeFrom(args.request),
    };
  });
}

export async function action(args: Route.ActionArgs) {
  return withNetworkActor(args, async ({ db, network }) => {
    const mail = { baseUrl: baseUrl(args.request) };
    const back = (notice: string) =>
      redirect(`/netwerken/${network.id}/vragenlijsten?melding=${notice}`);
    // Rights before the form (whatever it is): someone without them gets the refusal, not a 400.
    requireCanManageNetwork(network, "not-found");
    return handleIntents(args.request, surveysPageSchema, {
      create: async (survey) => {
        await createSurvey(db, network, survey);
        return back("survey.created");
      },
      send: async ({ surveyId }) => {
        await sendSurvey(db, network, surveyId, mail);
        return back("survey.sent");
      },
      remind: async ({ surveyId }) => {
        await remindSurvey(db, network, surveyId, mail);
        return back("survey.reminded");
      },
    });
  });
}

export default function Surveys({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { network, surveys } = loaderData;
  const [form, fields] = useIntentForm<Extract<SurveysPageForm, { intent: "create" }>>(
    "create",
    actionData,
    { defaultValue: { kind: "baseline", scaleLabels: scaleLabels.join(", ") } },
  );
  // Sending twice is refused at the top of the page, as the list has no form of its own.
  const reply: unknown = actionData;
  const listError = isIntentReply(reply) && reply.intent !== "create";
  const sent = isIntentReply(reply) && reply.intent === "create";
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <PageHeader title={t("survey.list")} intro={network.name}>
        <Link to={`/netwerken/${network.id}`} className="text-accent-700 underline">
          {t("net.enrol.back")}
        </Link>
      </PageHeader>
      {loaderData.notice ? <Notice tone="success">{t(loaderData.notice)}</Notice> : null}
      {listError ? (
        <ErrorSummary errors={{ form: formErrorOf(actionData) ?? "error.form" }} />
      ) : null}
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
                <Tag>{t(surveyKindLabel[survey.kind])}</Tag>
                {survey.anonymous ? <Tag>{t("survey.anonymous.tag")}</Tag> : null}
                <span className="text-sm">
                  {survey.sentAt
                    ? t("survey.answered", { answered: survey.answered, invited: survey.invited })
                    : t("survey.notSent")}
                </span>
                <Form method="post">
                  <input type="hidden" name="surveyId" value={survey.id} />
                  {survey.sentAt ? (
                    <Button name="intent" value="remind" variant="secondary" size="sm">
                      {t("survey.remind")}
                    </Button>
                  ) : (
                    <Button name="intent" value="send" size="sm">
                      {t("survey.send")}
                    </Button>
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
        <Form method="post" {...getFormProps(form)} className="mt-3 flex flex-col gap-3">
          <input type="hidden" name="intent" value="create" />
          <ErrorSummary errors={fieldErrorsOf(form)} />
          <SelectField
            {...fieldProps(fields.kind)}
            label={t("survey.kind")}
            required
            options={(["baseline", "follow-up", "closing"] as const).map((kind) => ({
              value: kind,
              label: t(surveyKindLabel[kind]),
            }))}
          />
          <TextField {...fieldProps(fields.title)} label={t("survey.title")} required />
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              name={fields.useTemplate.name}
              className="size-4"
              defaultChecked={sent ? fields.useTemplate.initialValue === "on" : true}
            />
            {t("survey.useTemplate")}
          </label>
          <TextAreaField
            {...fieldProps(fields.extraItems)}
            label={t("survey.extraItems")}
            hint={t("survey.extraItems.hint")}
            rows={4}
          />
          <TextField
            {...fieldProps(fields.scaleLabels)}
            label={t("survey.scaleLabels")}
            hint={t("survey.scaleLabels.hint")}
          />
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              name={fields.anonymous.name}
              className="size-4"
              defaultChecked={sent ? fields.anonymous.initialValue === "on" : true}
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
