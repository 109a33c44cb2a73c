import { data, Form, Link, redirect } from "react-router";
import { z } from "zod";
import { getDb } from "#app/db/client.server.ts";
import {
  assertCanRecordOutcome,
  getHarvest,
  giveConsent,
  giveSchoolConsent,
  recordOutcome,
  requestPublication,
} from "#app/modules/evaluation/harvest.server.ts";
import { uploadedFile } from "#app/platform/files.server.ts";
import { parseForm } from "#app/platform/forms.ts";
import {
  CheckboxGroup,
  ErrorSummary,
  FileField,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
} from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { Card, EmptyState, Notice, PageHeader, Tag } from "#app/ui/layout.tsx";
import { withFieldErrors } from "../networks/network-helpers.server.ts";
import { noticeFrom, requestState, requireActor } from "../session.server.ts";
import type { Route } from "./+types/harvest";

export function meta() {
  return [{ title: "Oogst — Knooppunt" }];
}

const outcomeSchema = z.object({
  title: z.string().trim().min(3, "error.harvest.title").max(200, "error.harvest.title"),
  answer: z.string().trim().min(10, "error.harvest.answer").max(8000, "error.harvest.answer"),
  learningQuestionId: z
    .string()
    .trim()
    .default("")
    .transform((v) => v || null)
    .pipe(z.uuid("error.harvest.question").nullable()),
  people: z.array(z.uuid()).max(20).default([]),
  schoolId: z
    .string()
    .trim()
    .default("")
    .transform((v) => v || null)
    .pipe(z.uuid().nullable()),
});

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const actor = requireActor(context.get(requestState), request);
  const view = await getHarvest(await getDb(), actor, params.networkId);
  return {
    ...view,
    me: actor.userId,
    network: { id: view.network.id, name: view.network.name },
    notice: noticeFrom(request),
  };
}

export async function action({ context, params, request }: Route.ActionArgs) {
  const actor = requireActor(context.get(requestState), request);
  const formData = await request.formData();
  const db = await getDb();
  const back = (notice: string) =>
    redirect(`/netwerken/${params.networkId}/oogst?melding=${notice}`);
  const intent = formData.get("intent");
  const outcomeId = String(formData.get("outcomeId") ?? "");
  if (intent === "publish") {
    await requestPublication(db, actor, params.networkId, outcomeId);
    return back("harvest.publishRequested");
  }
  if (intent === "consent") {
    await giveConsent(db, actor, params.networkId, outcomeId);
    return back("harvest.consented");
  }
  if (intent === "school-consent") {
    await giveSchoolConsent(db, actor, params.networkId, outcomeId);
    return back("harvest.schoolConsented");
  }
  // Rights before the form: someone without them gets the 403/404, not field errors.
  await assertCanRecordOutcome(db, actor, params.networkId);
  const form = parseForm(outcomeSchema, formData, ["people"]);
  if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
  const result = await withFieldErrors(() =>
    recordOutcome(db, actor, params.networkId, form.data, uploadedFile(formData, "file")),
  );
  if (!result.ok)
    return data(
      { errors: result.errors, values: Object.fromEntries(formData) as Record<string, string> },
      { status: 400 },
    );
  return back("harvest.saved");
}

export default function Harvest({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { network, outcomes } = loaderData;
  const errors = actionData?.errors as Record<string, string> | undefined;
  const values = actionData?.values as Record<string, string | string[]> | undefined;
  const value = (name: string) =>
    typeof values?.[name] === "string" ? (values[name] as string) : "";
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("harvest.title")} intro={network.name}>
        <div className="flex flex-wrap gap-4">
          <Link to={`/netwerken/${network.id}`} className="text-accent-700 underline">
            {t("net.enrol.back")}
          </Link>
          <Link to="/goede-voorbeelden" className="text-accent-700 underline">
            {t("practices.title")}
          </Link>
        </div>
      </PageHeader>
      {loaderData.notice ? <Notice tone="success">{t(loaderData.notice)}</Notice> : null}
      <Card>
        {outcomes.length === 0 ? (
          <EmptyState>{t("harvest.none")}</EmptyState>
        ) : (
          <ul className="flex flex-col gap-4">
            {outcomes.map((outcome) => {
              const mine = outcome.people.find((p) => p.userId === loaderData.me);
              return (
                <li key={outcome.id} className="rounded-md border border-slate-300 p-3">
                  <h2 className="flex flex-wrap items-center gap-2 font-semibold">
                    {outcome.title}
                    {outcome.publishedAt ? (
                      <Tag>{t("harvest.published")}</Tag>
                    ) : outcome.publishRequestedAt ? (
                      <Tag>{t("harvest.waiting")}</Tag>
                    ) : null}
                  </h2>
                  {outcome.question ? (
                    <p className="text-sm text-slate-700">
                      {t("harvest.forQuestion", { question: outcome.question })}
                    </p>
                  ) : null}
                  <p className="mt-1 whitespace-pre-line">{outcome.answer}</p>
                  {outcome.fileId ? (
                    <a
                      href={`/goede-voorbeelden/bestand/${outcome.fileId}`}
                      className="text-sm text-accent-700 underline"
                    >
                      {t("harvest.file")}
                    </a>
                  ) : null}
                  {outcome.people.length ? (
                    <p className="mt-1 text-sm">
                      {t("harvest.named")}{" "}
                      {outcome.people
                        .map(
                          (p) =>
                            `${p.name} (${p.consentAt ? t("harvest.agreed") : t("harvest.notYet")})`,
                        )
                        .join(", ")}
                    </p>
                  ) : null}
                  {outcome.schoolName ? (
                    <p className="text-sm">
                      {t("harvest.school", {
                        school: outcome.schoolName,
                        state: outcome.schoolConsentAt ? t("harvest.agreed") : t("harvest.notYet"),
                      })}
                    </p>
                  ) : null}
                  <div className="mt-2 flex flex-wrap gap-2">
                    {mine && !mine.consentAt ? (
                      <Form method="post">
                        <input type="hidden" name="outcomeId" value={outcome.id} />
                        <button
                          type="submit"
                          name="intent"
                          value="consent"
                          className="rounded bg-accent-700 px-3 py-1 text-sm text-white"
                        >
                          {t("harvest.consent")}
                        </button>
                      </Form>
                    ) : null}
                    {outcome.mayAgreeForSchool ? (
                      <Form method="post">
                        <input type="hidden" name="outcomeId" value={outcome.id} />
                        <button
                          type="submit"
                          name="intent"
                          value="school-consent"
                          className="rounded bg-accent-700 px-3 py-1 text-sm text-white"
                        >
                          {t("harvest.schoolConsent", { school: outcome.schoolName ?? "" })}
                        </button>
                      </Form>
                    ) : null}
                    {!outcome.publishRequestedAt &&
                    (loaderData.isGuide || outcome.createdBy === loaderData.me) ? (
                      <Form method="post">
                        <input type="hidden" name="outcomeId" value={outcome.id} />
                        <button
                          type="submit"
                          name="intent"
                          value="publish"
                          className="rounded border border-slate-400 bg-white px-3 py-1 text-sm"
                        >
                          {t("harvest.publish")}
                        </button>
                      </Form>
                    ) : null}
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </Card>
      {loaderData.canRecord ? (
        <Card>
          <h2 className="text-lg font-semibold">{t("harvest.new")}</h2>
          {loaderData.phase !== "oogsten" ? (
            <Notice tone="warning">{t("error.harvest.phase")}</Notice>
          ) : null}
          <Form
            method="post"
            encType="multipart/form-data"
            noValidate
            className="mt-3 flex flex-col gap-3"
          >
            <ErrorSummary errors={errors} />
            <TextField
              name="title"
              label={t("harvest.outcomeTitle")}
              required
              error={errors?.title}
              defaultValue={value("title")}
            />
            {loaderData.questions.length ? (
              <SelectField
                name="learningQuestionId"
                label={t("harvest.question")}
                placeholder={t("harvest.question.none")}
                error={errors?.learningQuestionId}
                defaultValue={value("learningQuestionId")}
                options={loaderData.questions.map((q) => ({
                  value: q.id,
                  label: q.text.slice(0, 120),
                }))}
              />
            ) : null}
            <TextAreaField
              name="answer"
              label={t("harvest.answer")}
              hint={t("harvest.answer.hint")}
              required
              rows={6}
              error={errors?.answer}
              defaultValue={value("answer")}
            />
            <CheckboxGroup
              name="people"
              legend={t("harvest.people")}
              error={errors?.people}
              selected={values ? ([] as string[]).concat(values.people ?? []) : []}
              options={loaderData.members.map((m) => ({ value: m.userId, label: m.name }))}
            />
            <SelectField
              name="schoolId"
              label={t("harvest.schoolField")}
              placeholder={t("harvest.school.none")}
              error={errors?.schoolId}
              defaultValue={value("schoolId")}
              options={loaderData.schools.map((s) => ({ value: s.id, label: s.name }))}
            />
            <FileField label={t("harvest.fileField")} hint={t("file.hint")} error={errors?.file} />
            <div>
              <SubmitButton>{t("harvest.save")}</SubmitButton>
            </div>
          </Form>
        </Card>
      ) : null}
    </div>
  );
}
