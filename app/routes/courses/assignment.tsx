import { data, Form, Link, redirect } from "react-router";
import { getDb } from "#app/db/client.server.ts";
import { feedbackSchema, submissionSchema } from "#app/modules/courses/courses.schema.ts";
import {
  assertCanGiveFeedback,
  assertInAssignment,
  getAssignment,
  giveFeedback,
  submitWork,
} from "#app/modules/courses/courses.server.ts";
import { uploadedFile } from "#app/platform/files.server.ts";
import { parseForm } from "#app/platform/forms.ts";
import {
  ErrorSummary,
  FileField,
  SubmitButton,
  TextAreaField,
  targetedForm,
} from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { Card, EmptyState, Notice, PageHeader, Tag } from "#app/ui/layout.tsx";
import { withFieldErrors } from "../networks/network-helpers.server.ts";
import { noticeFrom, requestState, requireActor } from "../session.server.ts";
import type { Route } from "./+types/assignment";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: `${loaderData?.assignment.title ?? "Opdracht"} — Knooppunt` }];
}

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const actor = requireActor(context.get(requestState), request);
  const view = await getAssignment(await getDb(), actor, params.networkId, params.assignmentId);
  return {
    ...view,
    network: { id: view.network.id, name: view.network.name },
    notice: noticeFrom(request),
  };
}

export async function action({ context, params, request }: Route.ActionArgs) {
  const actor = requireActor(context.get(requestState), request);
  const db = await getDb();
  // Rights before the form: someone without them gets the 403/404, not field errors.
  await assertInAssignment(db, actor, params.networkId, params.assignmentId);
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const back = (notice: string) =>
    redirect(
      `/netwerken/${params.networkId}/leergang/opdrachten/${params.assignmentId}?melding=${notice}`,
    );
  const fail = (errors: Record<string, string>, target = intent) =>
    data(
      {
        target,
        errors,
        values: Object.fromEntries(
          [...formData.entries()].filter(([, v]) => typeof v === "string"),
        ) as Record<string, string>,
      },
      { status: 400 },
    );
  if (intent === "feedback") {
    const submissionId = String(formData.get("submissionId") ?? "");
    await assertCanGiveFeedback(db, actor, params.networkId, submissionId);
    const form = parseForm(feedbackSchema, formData);
    if (!form.ok) return fail(form.errors, `feedback-${submissionId}`);
    await giveFeedback(db, actor, params.networkId, submissionId, form.data.text);
    return back("course.feedback.saved");
  }
  const form = parseForm(submissionSchema, formData);
  if (!form.ok) return fail(form.errors, "submit");
  const file = uploadedFile(formData, "file");
  const result = await withFieldErrors(() =>
    submitWork(db, actor, params.networkId, params.assignmentId, form.data, file),
  );
  return result.ok ? back("course.submission.saved") : fail(result.errors, "submit");
}

export default function AssignmentPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { network, assignment, isTeacher, submissions } = loaderData;
  const { errorsFor, valueFor } = targetedForm(actionData);
  const mine = submissions.find((s) => s.isMine);
  const errors = errorsFor("submit");
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={assignment.title}
        intro={`${network.name} · ${t("course.due", { date: t.dateTime(assignment.dueAt) })}`}
      >
        <Link to={`/netwerken/${network.id}/leergang`} className="text-accent-700 underline">
          {t("course.back")}
        </Link>
      </PageHeader>
      {loaderData.notice ? <Notice tone="success">{t(loaderData.notice)}</Notice> : null}
      {assignment.description ? (
        <Card>
          <p className="whitespace-pre-line">{assignment.description}</p>
        </Card>
      ) : null}
      {!isTeacher ? (
        <Card>
          <h2 className="text-lg font-semibold">
            {mine ? t("course.submission.update") : t("course.submission.new")}
          </h2>
          <Form
            method="post"
            encType="multipart/form-data"
            noValidate
            className="mt-3 flex flex-col gap-4"
          >
            <input type="hidden" name="intent" value="submit" />
            <ErrorSummary errors={errors} />
            <TextAreaField
              name="text"
              label={t("course.submission.text")}
              required
              rows={8}
              error={errors?.text}
              defaultValue={valueFor("submit", "text", mine?.text ?? "")}
            />
            {assignment.isFinal ? (
              <TextAreaField
                name="reflection"
                label={t("course.submission.reflection")}
                hint={t("course.submission.reflection.hint")}
                required
                rows={6}
                error={errors?.reflection}
                defaultValue={valueFor("submit", "reflection", mine?.reflection ?? "")}
              />
            ) : null}
            <FileField
              label={t("course.submission.file")}
              hint={t("file.hint")}
              error={errors?.file}
            />
            <div>
              <SubmitButton>{t("course.submission.save")}</SubmitButton>
            </div>
          </Form>
        </Card>
      ) : null}
      <Card>
        <h2 className="text-lg font-semibold">
          {isTeacher ? t("course.submissions.all") : t("course.submissions.visible")}
        </h2>
        {submissions.length === 0 ? (
          <EmptyState>{t("course.submissions.none")}</EmptyState>
        ) : (
          <ul className="mt-3 flex flex-col gap-4">
            {submissions.map((s) => (
              <li key={s.id} className="rounded-md border border-slate-300 p-3">
                <h3 className="font-semibold">
                  {s.isMine ? t("course.submission.mine") : s.name}{" "}
                  <span className="text-sm font-normal text-slate-700">
                    {t.dateTime(s.submittedAt)}
                  </span>
                </h3>
                <p className="mt-1 whitespace-pre-line">{s.text}</p>
                {s.reflection ? (
                  <>
                    <h4 className="mt-2 font-medium">{t("course.submission.reflection")}</h4>
                    <p className="whitespace-pre-line">{s.reflection}</p>
                  </>
                ) : null}
                {s.fileId ? (
                  <a
                    href={`/netwerken/${network.id}/bestanden/${s.fileId}`}
                    className="mt-1 inline-block text-accent-700 underline"
                  >
                    {t("course.submission.download")}
                  </a>
                ) : null}
                <h4 className="mt-3 font-medium">{t("course.feedback")}</h4>
                {s.feedback.length ? (
                  <ul className="flex flex-col gap-2">
                    {s.feedback.map((f) => (
                      <li key={f.id} className="rounded bg-slate-50 p-2">
                        <p className="text-sm">
                          <span className="font-medium">{f.authorName}</span>{" "}
                          <Tag>{t(`course.feedback.${f.authorRole}`)}</Tag>
                        </p>
                        <p className="whitespace-pre-line">{f.text}</p>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="text-sm text-slate-700">{t("course.feedback.none")}</p>
                )}
                {!s.isMine ? (
                  <Form method="post" noValidate className="mt-2 flex flex-col gap-2">
                    <input type="hidden" name="intent" value="feedback" />
                    <input type="hidden" name="submissionId" value={s.id} />
                    <TextAreaField
                      name="text"
                      id={`feedback-${s.id}`}
                      label={t("course.feedback.give", { name: s.name })}
                      rows={3}
                      error={errorsFor(`feedback-${s.id}`)?.text}
                      defaultValue={valueFor(`feedback-${s.id}`, "text", "")}
                    />
                    <div>
                      <SubmitButton variant="secondary">{t("course.feedback.save")}</SubmitButton>
                    </div>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
