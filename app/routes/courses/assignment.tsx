import { getFormProps } from "@conform-to/react";
import { Form, Link, redirect } from "react-router";
import { courseFeedbackLabel } from "#app/i18n/labels.ts";
import {
  type AssignmentPageForm,
  assignmentPageSchema,
} from "#app/modules/courses/courses.schema.ts";
import {
  assertCanGiveFeedback,
  assertInAssignment,
  getAssignment,
  giveFeedback,
  submitWork,
} from "#app/modules/courses/courses.server.ts";
import { uploadedFile } from "#app/platform/files.server.ts";
import { isIntentReply } from "#app/platform/intent-reply.ts";
import { ErrorSummary, FileField, SubmitButton, TextAreaField } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { fieldErrorsOf, fieldProps, useIntentForm } from "#app/ui/intent-form.ts";
import { Card, EmptyState, Notice, PageHeader, Tag } from "#app/ui/layout.tsx";
import { namedTitle } from "#app/ui/page-title.ts";
import { handleIntentsOf } from "../forms.server.ts";
import { withNetworkActor } from "../pipeline.server.ts";
import { noticeFrom } from "../session.server.ts";
import type { Route } from "./+types/assignment";

export function meta({ loaderData, matches }: Route.MetaArgs) {
  return namedTitle(matches, loaderData?.assignment.title, "pageTitle.assignment");
}

export async function loader(args: Route.LoaderArgs) {
  return withNetworkActor(args, async ({ db, network }) => {
    const view = await getAssignment(db, network, args.params.assignmentId);
    return {
      ...view,
      network: { id: view.network.id, name: view.network.name },
      notice: noticeFrom(args.request),
    };
  });
}

export async function action(args: Route.ActionArgs) {
  return withNetworkActor(args, async ({ db, network }) => {
    const { assignmentId } = args.params;
    // Rights before the form: someone without them gets the 403/404, not field errors.
    await assertInAssignment(db, network, assignmentId);
    const back = (notice: string) =>
      redirect(`/netwerken/${network.id}/leergang/opdrachten/${assignmentId}?melding=${notice}`);
    // The work's file is not a form value: read the body once, hand the file on.
    const formData = await args.request.formData();
    return handleIntentsOf(
      formData,
      assignmentPageSchema,
      {
        submit: async ({ intent: _intent, ...work }) => {
          await submitWork(db, network, assignmentId, work, uploadedFile(formData, "file"));
          return back("course.submission.saved");
        },
        feedback: async ({ submissionId, text }) => {
          await giveFeedback(db, network, submissionId, text);
          return back("course.feedback.saved");
        },
      },
      {
        authorize: (intent) =>
          intent === "feedback"
            ? assertCanGiveFeedback(db, network, String(formData.get("submissionId") ?? ""))
            : undefined,
      },
    );
  });
}

export default function AssignmentPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { network, assignment, isTeacher, submissions } = loaderData;
  const mine = submissions.find((s) => s.isMine);
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
          <SubmissionForm actionData={actionData} isFinal={assignment.isFinal} mine={mine} />
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
                          <Tag>{t(courseFeedbackLabel[f.authorRole])}</Tag>
                        </p>
                        <p className="whitespace-pre-line">{f.text}</p>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="text-sm text-slate-700">{t("course.feedback.none")}</p>
                )}
                {!s.isMine ? <FeedbackForm actionData={actionData} submission={s} /> : null}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}

type FormOf<I extends AssignmentPageForm["intent"]> = Extract<AssignmentPageForm, { intent: I }>;

function SubmissionForm({
  actionData,
  isFinal,
  mine,
}: {
  actionData: unknown;
  isFinal: boolean;
  mine: { text: string; reflection: string } | undefined;
}) {
  const t = useT();
  const [form, fields] = useIntentForm<FormOf<"submit">>("submit", actionData, {
    defaultValue: { text: mine?.text ?? "", reflection: mine?.reflection ?? "" },
  });
  return (
    <Form
      method="post"
      encType="multipart/form-data"
      {...getFormProps(form)}
      className="mt-3 flex flex-col gap-4"
    >
      <input type="hidden" name="intent" value="submit" />
      <ErrorSummary errors={fieldErrorsOf(form)} />
      <TextAreaField
        label={t("course.submission.text")}
        required
        rows={8}
        {...fieldProps(fields.text)}
      />
      {isFinal ? (
        <TextAreaField
          label={t("course.submission.reflection")}
          hint={t("course.submission.reflection.hint")}
          required
          rows={6}
          {...fieldProps(fields.reflection)}
        />
      ) : null}
      <FileField
        label={t("course.submission.file")}
        hint={t("file.hint")}
        error={form.allErrors.file?.[0]}
      />
      <div>
        <SubmitButton>{t("course.submission.save")}</SubmitButton>
      </div>
    </Form>
  );
}

/** One form per submission: only the one that was sent shows its errors and text again. */
function FeedbackForm({
  actionData,
  submission,
}: {
  actionData: unknown;
  submission: { id: string; name: string };
}) {
  const t = useT();
  const sent =
    isIntentReply(actionData) && actionData.result.initialValue?.submissionId === submission.id;
  const [form, fields] = useIntentForm<FormOf<"feedback">>("feedback", sent ? actionData : null, {
    id: `feedback-${submission.id}`,
  });
  return (
    <Form method="post" {...getFormProps(form)} className="mt-2 flex flex-col gap-2">
      <input type="hidden" name="intent" value="feedback" />
      <input type="hidden" name="submissionId" value={submission.id} />
      <TextAreaField
        label={t("course.feedback.give", { name: submission.name })}
        rows={3}
        {...fieldProps(fields.text)}
      />
      <div>
        <SubmitButton variant="secondary">{t("course.feedback.save")}</SubmitButton>
      </div>
    </Form>
  );
}
