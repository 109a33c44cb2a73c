import { data, Form } from "react-router";
import { getDb } from "#app/db/client.server.ts";
import { scaleLabels } from "#app/modules/evaluation/survey-template.ts";
import { getSurveyForToken, submitSurvey } from "#app/modules/evaluation/surveys.server.ts";
import { notFound } from "#app/platform/http.server.ts";
import { ErrorSummary, SubmitButton, TextAreaField } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { Card, LockNote, Notice, PageHeader } from "#app/ui/layout.tsx";
import { withFieldErrors } from "../networks/network-helpers.server.ts";
import type { Route } from "./+types/survey-answer";

export function meta() {
  return [{ title: "Vragenlijst — Knooppunt" }];
}

/** Answered from the one-time link in the e-mail: no login, the link is the key. */
export async function loader({ params }: Route.LoaderArgs) {
  const view = await getSurveyForToken(await getDb(), params.token);
  if (!view) notFound();
  return {
    survey: {
      title: view.survey.title,
      anonymous: view.survey.anonymous,
      labels: view.survey.scaleLabels.length === 5 ? view.survey.scaleLabels : [...scaleLabels],
    },
    items: view.items,
    answered: view.answered,
    done: false,
  };
}

export async function action({ params, request }: Route.ActionArgs) {
  const formData = await request.formData();
  const answers = Object.fromEntries(
    [...formData.entries()].filter((e): e is [string, string] => typeof e[1] === "string"),
  );
  const db = await getDb();
  const result = await withFieldErrors(() => submitSurvey(db, params.token, answers));
  if (!result.ok)
    return data({ errors: result.errors, values: answers, done: false }, { status: 400 });
  return { errors: null, values: null, done: true };
}

export default function SurveyAnswer({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const errors = actionData?.errors as Record<string, string> | undefined;
  const values = actionData?.values as Record<string, string> | undefined;
  if (actionData?.done || loaderData.answered) {
    return (
      <div className="mx-auto flex max-w-2xl flex-col gap-6">
        <PageHeader title={loaderData.survey.title} />
        <Notice tone="success">
          {actionData?.done ? t("survey.thanks") : t("error.survey.alreadyAnswered")}
        </Notice>
      </div>
    );
  }
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <PageHeader title={loaderData.survey.title} intro={t("survey.answer.intro")} />
      {loaderData.survey.anonymous ? <LockNote>{t("survey.anonymous.answer")}</LockNote> : null}
      <Form method="post" noValidate className="flex flex-col gap-4">
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
                        defaultChecked={values?.[item.id] === String(i + 1)}
                        className="size-4"
                      />
                      {i + 1} · {label}
                    </label>
                  ))}
                </div>
                {errors?.[item.id] ? (
                  <p id={`${item.id}-error`} className="mt-1 text-sm font-medium text-red-700">
                    {t(errors[item.id] ?? "")}
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
                defaultValue={values?.[item.id] ?? ""}
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
