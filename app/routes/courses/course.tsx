import { getFormProps } from "@conform-to/react";
import { Form, Link, redirect } from "react-router";
import { courseLiteratureLabel } from "#app/i18n/labels.ts";
import { type CoursePageForm, coursePageSchema } from "#app/modules/courses/courses.schema.ts";
import {
  addLiterature,
  createAssignment,
  getCourse,
  removeLiterature,
  requireTeacher,
  saveStudyLoad,
} from "#app/modules/courses/courses.server.ts";
import { ErrorSummary, SubmitButton, TextAreaField, TextField } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { fieldErrorsOf, fieldProps, useIntentForm } from "#app/ui/intent-form.ts";
import { Card, EmptyState, Notice, PageHeader, Tag } from "#app/ui/layout.tsx";
import { pageTitle } from "#app/ui/page-title.ts";
import { handleIntents } from "../forms.server.ts";
import { withNetworkActor } from "../pipeline.server.ts";
import { noticeFrom } from "../session.server.ts";
import type { Route } from "./+types/course";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.course");
}

export async function loader(args: Route.LoaderArgs) {
  return withNetworkActor(args, async ({ db, network }) => {
    const view = await getCourse(db, network);
    return {
      ...view,
      network: { id: view.network.id, name: view.network.name },
      notice: noticeFrom(args.request),
    };
  });
}

export async function action(args: Route.ActionArgs) {
  return withNetworkActor(args, async ({ db, network }) => {
    const back = (notice: string) =>
      redirect(`/netwerken/${network.id}/leergang?melding=${notice}`);
    return handleIntents(
      args.request,
      coursePageSchema,
      {
        "study-load": async ({ intent: _intent, ...load }) => {
          await saveStudyLoad(db, network, load);
          return back("course.saved");
        },
        assignment: async ({ intent: _intent, ...assignment }) => {
          await createAssignment(db, network, assignment);
          return back("course.assignment.saved");
        },
        literature: async ({ intent: _intent, ...item }) => {
          await addLiterature(db, network, item);
          return back("course.saved");
        },
        "remove-literature": async ({ literatureId }) => {
          await removeLiterature(db, network, literatureId);
          return back("course.saved");
        },
      },
      // Rights before the form: someone without them gets the 403, not field errors.
      { authorize: () => requireTeacher(network) },
    );
  });
}

export default function CoursePage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { network, studyLoad, isTeacher } = loaderData;
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("course.title")} intro={network.name}>
        <div className="flex flex-wrap gap-4">
          <Link to={`/netwerken/${network.id}`} className="text-accent-700 underline">
            {t("net.enrol.back")}
          </Link>
          <Link to={`/netwerken/${network.id}/maatjes`} className="text-accent-700 underline">
            {t("buddies.title")}
          </Link>
        </div>
      </PageHeader>
      {loaderData.notice ? <Notice tone="success">{t(loaderData.notice)}</Notice> : null}
      <Card>
        <h2 className="text-lg font-semibold">{t("course.studyLoad")}</h2>
        {studyLoad ? (
          <p className="mt-1">
            {t("course.studyLoad.summary", {
              days: studyLoad.contactDays,
              contact: studyLoad.contactHours,
              self: studyLoad.selfStudyHours,
              total: studyLoad.totalHours,
            })}
          </p>
        ) : (
          <EmptyState>{t("course.studyLoad.none")}</EmptyState>
        )}
        {loaderData.buddies.length ? (
          <p className="mt-2">
            {t("course.myBuddies", { names: loaderData.buddies.map((b) => b.name).join(", ") })}
          </p>
        ) : null}
        {isTeacher ? <StudyLoadForm actionData={actionData} studyLoad={studyLoad} /> : null}
      </Card>
      <Card>
        <h2 className="text-lg font-semibold">{t("course.assignments")}</h2>
        {loaderData.assignments.length ? (
          <ul className="mt-2 flex flex-col gap-2">
            {loaderData.assignments.map((a) => (
              <li
                key={a.id}
                className="flex flex-wrap items-center gap-2 border-t border-slate-200 pt-2 first:border-t-0"
              >
                <Link
                  to={`/netwerken/${network.id}/leergang/opdrachten/${a.id}`}
                  className="font-semibold text-accent-700 underline"
                >
                  {a.title}
                </Link>
                {a.isFinal ? <Tag>{t("course.final")}</Tag> : null}
                <span className="text-sm text-slate-700">
                  {t("course.due", { date: t.dateTime(a.dueAt) })}
                </span>
                <span className="text-sm">
                  {isTeacher
                    ? t("course.submissionCount", { count: a.submissionCount })
                    : a.submittedAt
                      ? t("course.submitted", { date: t.date(a.submittedAt) })
                      : t("course.notSubmitted")}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <EmptyState>{t("course.assignments.none")}</EmptyState>
        )}
        {isTeacher ? <AssignmentForm actionData={actionData} /> : null}
      </Card>
      <Card>
        <h2 className="text-lg font-semibold">{t("course.literature")}</h2>
        {(["required", "additional"] as const).map((kind) => {
          const items = loaderData.literature.filter((l) => l.required === (kind === "required"));
          return items.length ? (
            <div key={kind} className="mt-2">
              <h3 className="font-medium">{t(courseLiteratureLabel[kind])}</h3>
              <ul className="list-disc pl-6">
                {items.map((item) => (
                  <li key={item.id}>
                    {item.citation}
                    {isTeacher ? (
                      <Form method="post" className="inline">
                        <input type="hidden" name="intent" value="remove-literature" />
                        <input type="hidden" name="literatureId" value={item.id} />
                        <button type="submit" className="ml-2 text-sm text-red-700 underline">
                          {t("course.literature.remove")}
                        </button>
                      </Form>
                    ) : null}
                  </li>
                ))}
              </ul>
            </div>
          ) : null;
        })}
        {loaderData.literature.length === 0 ? (
          <EmptyState>{t("course.literature.none")}</EmptyState>
        ) : null}
        {isTeacher ? <LiteratureForm actionData={actionData} /> : null}
      </Card>
    </div>
  );
}

type FormOf<I extends CoursePageForm["intent"]> = Extract<CoursePageForm, { intent: I }>;

function StudyLoadForm({
  actionData,
  studyLoad,
}: {
  actionData: unknown;
  studyLoad: { contactDays: number; hoursPerContactDay: number; selfStudyHours: number } | null;
}) {
  const t = useT();
  const [form, fields] = useIntentForm<FormOf<"study-load">>("study-load", actionData, {
    defaultValue: {
      contactDays: String(studyLoad?.contactDays ?? 5),
      hoursPerContactDay: String(studyLoad?.hoursPerContactDay ?? 8),
      selfStudyHours: String(studyLoad?.selfStudyHours ?? 120),
    },
  });
  return (
    <Form method="post" {...getFormProps(form)} className="mt-4 grid gap-3 sm:grid-cols-3">
      <input type="hidden" name="intent" value="study-load" />
      <div className="sm:col-span-3">
        <ErrorSummary errors={fieldErrorsOf(form)} />
      </div>
      <TextField label={t("course.contactDays")} {...fieldProps(fields.contactDays)} />
      <TextField label={t("course.hoursPerDay")} {...fieldProps(fields.hoursPerContactDay)} />
      <TextField label={t("course.selfStudy")} {...fieldProps(fields.selfStudyHours)} />
      <div>
        <SubmitButton variant="secondary">{t("course.studyLoad.save")}</SubmitButton>
      </div>
    </Form>
  );
}

function AssignmentForm({ actionData }: { actionData: unknown }) {
  const t = useT();
  const [form, fields] = useIntentForm<FormOf<"assignment">>("assignment", actionData, {
    defaultValue: { dueTime: "23:59" },
  });
  return (
    <Form method="post" {...getFormProps(form)} className="mt-4 flex flex-col gap-3">
      <h3 className="font-semibold">{t("course.assignment.new")}</h3>
      <input type="hidden" name="intent" value="assignment" />
      <ErrorSummary errors={fieldErrorsOf(form)} />
      <TextField label={t("course.assignment.title")} required {...fieldProps(fields.title)} />
      <TextAreaField
        label={t("course.assignment.description")}
        rows={3}
        {...fieldProps(fields.description)}
      />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          type="date"
          label={t("course.assignment.dueDay")}
          required
          {...fieldProps(fields.dueDay)}
        />
        <TextField
          type="time"
          label={t("course.assignment.dueTime")}
          {...fieldProps(fields.dueTime)}
        />
      </div>
      <label className="flex items-center gap-2">
        <input
          type="checkbox"
          name="isFinal"
          className="size-4"
          defaultChecked={fields.isFinal.initialValue === "on"}
        />
        {t("course.assignment.isFinal")}
      </label>
      <div>
        <SubmitButton>{t("course.assignment.save")}</SubmitButton>
      </div>
    </Form>
  );
}

function LiteratureForm({ actionData }: { actionData: unknown }) {
  const t = useT();
  const [form, fields] = useIntentForm<FormOf<"literature">>("literature", actionData);
  return (
    <Form method="post" {...getFormProps(form)} className="mt-4 flex flex-col gap-3">
      <input type="hidden" name="intent" value="literature" />
      <TextField
        label={t("course.literature.citation")}
        required
        {...fieldProps(fields.citation)}
      />
      <label className="flex items-center gap-2">
        <input type="checkbox" name="required" className="size-4" defaultChecked />
        {t("course.literature.isRequired")}
      </label>
      <div>
        <SubmitButton variant="secondary">{t("course.literature.add")}</SubmitButton>
      </div>
    </Form>
  );
}
