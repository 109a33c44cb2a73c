import { getFormProps } from "@conform-to/react";
import { Form, Link, redirect } from "react-router";
import { requireNetworkMember } from "#app/modules/networks/network-access.server.ts";
import {
  getMyLearningQuestion,
  saveLearningQuestion,
} from "#app/modules/progress/learning-questions.server.ts";
import {
  type LearningQuestionForm,
  learningQuestionSchema,
} from "#app/modules/progress/progress.schema.ts";
import { CheckboxGroup, ErrorSummary, SubmitButton, TextAreaField } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { fieldErrorsOf, fieldProps, useIntentForm } from "#app/ui/intent-form.ts";
import { Card, LockNote, Notice, PageHeader } from "#app/ui/layout.tsx";
import { pageTitle } from "#app/ui/page-title.ts";
import { handleForm } from "../forms.server.ts";
import { withNetworkActor } from "../pipeline.server.ts";
import { noticeFrom } from "../session.server.ts";
import type { Route } from "./+types/learning-question";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.learningQuestion");
}

export async function loader(args: Route.LoaderArgs) {
  return withNetworkActor(args, async ({ db, network }) => {
    const view = await getMyLearningQuestion(db, network);
    return {
      ...view,
      network: { id: view.network.id, name: view.network.name, themes: view.network.themes },
      notice: noticeFrom(args.request),
    };
  });
}

export async function action(args: Route.ActionArgs) {
  return withNetworkActor(args, async ({ db, network }) => {
    // Rights before the form: someone without them gets the 404, not field errors.
    requireNetworkMember(network);
    return handleForm(args.request, learningQuestionSchema, async (input) => {
      await saveLearningQuestion(db, network, input);
      return redirect(`/netwerken/${network.id}/leervraag?melding=learningQuestion.saved`);
    });
  });
}

/** A checkbox group's kept or saved values: none, one (a string) or several. */
function asList(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  return ([] as unknown[]).concat(value).filter((v): v is string => typeof v === "string");
}

export default function LearningQuestionPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { network, question } = loaderData;
  const [form, fields] = useIntentForm<LearningQuestionForm>("", actionData, {
    id: "learning-question",
    defaultValue: {
      text: question?.text ?? "",
      themes: question?.themes ?? [],
      professionalThemes: question?.professionalThemes ?? [],
      meetingIds: question?.meetingIds ?? [],
    },
  });
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <PageHeader title={t("learningQuestion.title")} context={network.name}>
        <div className="flex flex-wrap gap-4">
          <Link to={`/netwerken/${network.id}`} className="text-accent-700 underline">
            {t("net.enrol.back")}
          </Link>
          <Link to="/zelfscan" className="text-accent-700 underline">
            {t("selfscan.title")}
          </Link>
          {loaderData.canSeeAll ? (
            <Link to={`/netwerken/${network.id}/leervragen`} className="text-accent-700 underline">
              {t("learningQuestion.all")}
            </Link>
          ) : null}
        </div>
      </PageHeader>
      {loaderData.notice ? <Notice tone="success">{t(loaderData.notice)}</Notice> : null}
      <LockNote>{t("learningQuestion.private")}</LockNote>
      <Card>
        <Form method="post" {...getFormProps(form)} className="flex flex-col gap-4">
          <ErrorSummary errors={fieldErrorsOf(form)} />
          <TextAreaField
            label={t("learningQuestion.text")}
            hint={t("learningQuestion.text.hint")}
            required
            rows={4}
            {...fieldProps(fields.text)}
          />
          {network.themes.length ? (
            <CheckboxGroup
              name="themes"
              legend={t("learningQuestion.themes")}
              error={fields.themes.errors?.[0]}
              selected={asList(fields.themes.initialValue)}
              options={network.themes.map((theme) => ({ value: theme, label: theme }))}
            />
          ) : null}
          <CheckboxGroup
            name="professionalThemes"
            legend={t("learningQuestion.professionalThemes")}
            error={fields.professionalThemes.errors?.[0]}
            selected={asList(fields.professionalThemes.initialValue)}
            options={loaderData.professionalThemes.map((theme) => ({ value: theme, label: theme }))}
          />
          {loaderData.meetings.length ? (
            <CheckboxGroup
              name="meetingIds"
              legend={t("learningQuestion.meetings")}
              error={fields.meetingIds.errors?.[0]}
              selected={asList(fields.meetingIds.initialValue)}
              options={loaderData.meetings.map((m) => ({
                value: m.id,
                label: `${t.date(m.startsAt)}${m.theme ? ` · ${m.theme}` : ""}`,
              }))}
            />
          ) : null}
          <div>
            <SubmitButton>{t("learningQuestion.save")}</SubmitButton>
          </div>
        </Form>
      </Card>
      {loaderData.revisions.length > 1 ? (
        <Card>
          <h2 className="text-lg font-semibold">{t("learningQuestion.history")}</h2>
          <ol className="mt-2 flex flex-col gap-2">
            {loaderData.revisions.map((revision) => (
              <li key={revision.id}>
                <span className="text-sm text-slate-700">{t.dateTime(revision.createdAt)}</span>
                <p className="whitespace-pre-line">{revision.text}</p>
              </li>
            ))}
          </ol>
        </Card>
      ) : null}
    </div>
  );
}
