import { data, Form, Link, redirect } from "react-router";
import { getDb } from "#app/db/client.server.ts";
import {
  authorizeNetwork,
  requireNetworkMember,
} from "#app/modules/networks/network-access.server.ts";
import {
  getMyLearningQuestion,
  saveLearningQuestion,
} from "#app/modules/progress/learning-questions.server.ts";
import { learningQuestionSchema } from "#app/modules/progress/progress.schema.ts";
import { parseForm } from "#app/platform/forms.ts";
import { CheckboxGroup, ErrorSummary, SubmitButton, TextAreaField } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { Card, LockNote, Notice, PageHeader } from "#app/ui/layout.tsx";
import { withFieldErrors } from "../networks/network-helpers.server.ts";
import { noticeFrom, requestState, requireActor } from "../session.server.ts";
import type { Route } from "./+types/learning-question";

export function meta() {
  return [{ title: "Mijn leervraag — Knooppunt" }];
}

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const actor = requireActor(context.get(requestState), request);
  const view = await getMyLearningQuestion(await getDb(), actor, params.networkId);
  return {
    ...view,
    network: { id: view.network.id, name: view.network.name, themes: view.network.themes },
    notice: noticeFrom(request),
  };
}

const arrays = ["themes", "professionalThemes", "meetingIds"];

export async function action({ context, params, request }: Route.ActionArgs) {
  const actor = requireActor(context.get(requestState), request);
  const db = await getDb();
  // Rights before the form: someone without them gets the 403/404, not field errors.
  requireNetworkMember(await authorizeNetwork(db, actor, params.networkId));
  const formData = await request.formData();
  const form = parseForm(learningQuestionSchema, formData, arrays);
  if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
  const result = await withFieldErrors(() =>
    saveLearningQuestion(db, actor, params.networkId, form.data),
  );
  if (!result.ok)
    return data(
      { errors: result.errors, values: form.data as Record<string, unknown> },
      { status: 400 },
    );
  return redirect(`/netwerken/${params.networkId}/leervraag?melding=learningQuestion.saved`);
}

export default function LearningQuestionPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { network, question } = loaderData;
  const errors = actionData?.errors as Record<string, string> | undefined;
  const values = actionData?.values as Record<string, unknown> | undefined;
  const list = (name: string, fallback: string[]) =>
    values
      ? ([] as string[]).concat((values[name] as string[] | string | undefined) ?? [])
      : fallback;
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <PageHeader title={t("learningQuestion.title")} intro={network.name}>
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
        <Form method="post" noValidate className="flex flex-col gap-4">
          <ErrorSummary errors={errors} />
          <TextAreaField
            name="text"
            label={t("learningQuestion.text")}
            hint={t("learningQuestion.text.hint")}
            required
            rows={4}
            error={errors?.text}
            defaultValue={values ? String(values.text ?? "") : (question?.text ?? "")}
          />
          {network.themes.length ? (
            <CheckboxGroup
              name="themes"
              legend={t("learningQuestion.themes")}
              error={errors?.themes}
              selected={list("themes", question?.themes ?? [])}
              options={network.themes.map((theme) => ({ value: theme, label: theme }))}
            />
          ) : null}
          <CheckboxGroup
            name="professionalThemes"
            legend={t("learningQuestion.professionalThemes")}
            error={errors?.professionalThemes}
            selected={list("professionalThemes", question?.professionalThemes ?? [])}
            options={loaderData.professionalThemes.map((theme) => ({ value: theme, label: theme }))}
          />
          {loaderData.meetings.length ? (
            <CheckboxGroup
              name="meetingIds"
              legend={t("learningQuestion.meetings")}
              error={errors?.meetingIds}
              selected={list("meetingIds", question?.meetingIds ?? [])}
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
