import { getFormProps } from "@conform-to/react";
import { Form } from "react-router";
import { surveyAnswersSchema } from "#app/modules/evaluation/evaluation.schema.ts";
import { scaleLabels } from "#app/modules/evaluation/survey-template.ts";
import { getSurveyForToken, submitSurvey } from "#app/modules/evaluation/surveys.server.ts";
import { notFound } from "#app/platform/errors.ts";
import { ErrorSummary, SubmitButton, TextAreaField } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { fieldErrorsOf, formErrorOf, useIntentForm } from "#app/ui/intent-form.ts";
import { Card, LockNote, Notice, PageHeader } from "#app/ui/layout.tsx";
import { pageTitle } from "#app/ui/page-title.ts";
import { handleForm } from "../forms.server.ts";
import { withVisitor } from "../pipeline.server.ts";
import type { Route } from "./+types/survey-answer";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.surveyAnswer");
}

/** Answered from the one-time link in the e-mail: no login, the link is the key. */
export async function loader(args: Route.LoaderArgs) {
  return withVisitor(args, async ({ db }) => {
    const view = await getSurveyForToken(db, args.params.token);
    if (!view) notFound();
    return {
      survey: {
        title: view.survey.title,
        anonymous: view.survey.anonymous,
        labels: view.survey.scaleLabels.length === 5 ? view.survey.scaleLabels : [...scaleLabels],
      },
      items: view.items,
      answered: view.answered,
    };
  });
}

export async function action(args: Route.ActionArgs) {
  return withVisitor(args, async ({ db }) =>
    handleForm(args.request, surveyAnswersSchema, async (answers) => {
      await submitSurvey(db, args.params.token, answers);
      return { done: true as const };
    }),
  );
}

export default function SurveyAnswer({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const [form] = useIntentForm<Record<string, string>>("", actionData, { id: "answers" });
  const done = !!actionData && "done" in actionData;
  // Items are named by their id: their errors and kept answers by that name.
  const formError = formErrorOf(actionData);
  const errors = formError ? { form: formError } : fieldErrorsOf(form);
  const values = form.initialValue as Record<string, unknown> | undefined;
  const kept = (id: string) => (typeof values?.[id] === "string" ? (values[id] as string) : "");
  if (done || loaderData.answered) {
    return (
      <div className="mx-auto flex max-w-2xl flex-col gap-6">
        <PageHeader title={loaderData.survey.title} />
        <Notice tone="success">
          {done ? t("survey.thanks") : t("error.survey.alreadyAnswered")}
        </Notice>
      </div>
    );
  }
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <PageHeader title={loaderData.survey.title} intro={t("survey.answer.intro")} />
      {loaderData.survey.anonymous ? <LockNote>{t("survey.anonymous.answer")}</LockNote> : null}
      <Form method="post" {...getFormProps(form)} className="flex flex-col gap-4">
        <ErrorSummary errors={errors} />
        {loaderData.items.map((item) =>
          item.kind === "scale" ? (
            <Card key={item.id}>
              <fieldset aria-describedby={errors?.[item.id] ? `${item.id}-error` : undefined}>
                <legend className="font-medium">{item.text}</legend>
                <div className="mt-2 flex flex-col gap-1 sm:flex-row sm:gap-4">
                  {loaderData.survey.labels.map((label, i) => (
                    <label key={label} className="flex items-center gap-2">
                      <input
                        type="radio"
                        name={item.id}
                        value={String(i + 1)}
                        defaultChecked={kept(item.id) === String(i + 1)}
                        className="size-4"
                      />
                      {i + 1} · {label}
                    </label>
                  ))}
                </div>
                {errors?.[item.id] ? (
                  <p id={`${item.id}-error`} className="mt-1 text-sm font-medium text-red-700">
                    {t.error(errors[item.id] ?? "")}
                  </p>
                ) : null}
              </fieldset>
            </Card>
          ) : (
            <Card key={item.id}>
              <TextAreaField
                name={item.id}
                label={item.text}
                rows={3}
                error={errors?.[item.id]}
                defaultValue={kept(item.id)}
              />
            </Card>
          ),
        )}
        <div>
          <SubmitButton>{t("survey.submit")}</SubmitButton>
        </div>
      </Form>
    </div>
  );
}
