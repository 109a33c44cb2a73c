import { data, Form, Link, redirect } from "react-router";
import { getDb } from "#app/db/client.server.ts";
import {
  assignmentSchema,
  literatureSchema,
  studyLoadSchema,
} from "#app/modules/courses/courses.schema.ts";
import {
  addLiterature,
  assertTeacher,
  createAssignment,
  getCourse,
  removeLiterature,
  saveStudyLoad,
} from "#app/modules/courses/courses.server.ts";
import { parseForm } from "#app/platform/forms.ts";
import {
  ErrorSummary,
  SubmitButton,
  TextAreaField,
  TextField,
  targetedForm,
} from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { Card, EmptyState, Notice, PageHeader, Tag } from "#app/ui/layout.tsx";
import { withFieldErrors } from "../networks/network-helpers.server.ts";
import { noticeFrom, requestState, requireActor } from "../session.server.ts";
import type { Route } from "./+types/course";

export function meta() {
  return [{ title: "Leergang — Knooppunt" }];
}

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const actor = requireActor(context.get(requestState), request);
  const view = await getCourse(await getDb(), actor, params.networkId);
  return {
    ...view,
    network: { id: view.network.id, name: view.network.name },
    notice: noticeFrom(request),
  };
}

export async function action({ context, params, request }: Route.ActionArgs) {
  const actor = requireActor(context.get(requestState), request);
  const db = await getDb();
  // Rights before the form: someone without them gets the 403, not field errors.
  await assertTeacher(db, actor, params.networkId);
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const back = (notice: string) =>
    redirect(`/netwerken/${params.networkId}/leergang?melding=${notice}`);
  const fail = (errors: Record<string, string>) =>
    data(
      { target: intent, errors, values: Object.fromEntries(formData) as Record<string, string> },
      { status: 400 },
    );
  if (intent === "study-load") {
    const form = parseForm(studyLoadSchema, formData);
    if (!form.ok) return fail(form.errors);
    await saveStudyLoad(db, actor, params.networkId, form.data);
    return back("course.saved");
  }
  if (intent === "assignment") {
    const form = parseForm(assignmentSchema, formData);
    if (!form.ok) return fail(form.errors);
    const result = await withFieldErrors(() =>
      createAssignment(db, actor, params.networkId, form.data),
    );
    return result.ok ? back("course.assignment.saved") : fail(result.errors);
  }
  if (intent === "literature") {
    const form = parseForm(literatureSchema, formData);
    if (!form.ok) return fail(form.errors);
    await addLiterature(db, actor, params.networkId, form.data);
    return back("course.saved");
  }
  if (intent === "remove-literature") {
    await removeLiterature(db, actor, params.networkId, String(formData.get("literatureId") ?? ""));
    return back("course.saved");
  }
  throw data(null, { status: 400 });
}

export default function CoursePage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { network, studyLoad, isTeacher } = loaderData;
  const { errorsFor, valueFor } = targetedForm(actionData);
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
        {isTeacher ? (
          <Form method="post" noValidate className="mt-4 grid gap-3 sm:grid-cols-3">
            <input type="hidden" name="intent" value="study-load" />
            <div className="sm:col-span-3">
              <ErrorSummary errors={errorsFor("study-load")} />
            </div>
            <TextField
              name="contactDays"
              label={t("course.contactDays")}
              error={errorsFor("study-load")?.contactDays}
              defaultValue={valueFor(
                "study-load",
                "contactDays",
                String(studyLoad?.contactDays ?? 5),
              )}
            />
            <TextField
              name="hoursPerContactDay"
              label={t("course.hoursPerDay")}
              error={errorsFor("study-load")?.hoursPerContactDay}
              defaultValue={valueFor(
                "study-load",
                "hoursPerContactDay",
                String(studyLoad?.hoursPerContactDay ?? 8),
              )}
            />
            <TextField
              name="selfStudyHours"
              label={t("course.selfStudy")}
              error={errorsFor("study-load")?.selfStudyHours}
              defaultValue={valueFor(
                "study-load",
                "selfStudyHours",
                String(studyLoad?.selfStudyHours ?? 120),
              )}
            />
            <div>
              <SubmitButton variant="secondary">{t("course.studyLoad.save")}</SubmitButton>
            </div>
          </Form>
        ) : null}
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
        {isTeacher ? (
          <Form method="post" noValidate className="mt-4 flex flex-col gap-3">
            <h3 className="font-semibold">{t("course.assignment.new")}</h3>
            <input type="hidden" name="intent" value="assignment" />
            <ErrorSummary errors={errorsFor("assignment")} />
            <TextField
              name="title"
              label={t("course.assignment.title")}
              required
              error={errorsFor("assignment")?.title}
              defaultValue={valueFor("assignment", "title", "")}
            />
            <TextAreaField
              name="description"
              label={t("course.assignment.description")}
              rows={3}
              error={errorsFor("assignment")?.description}
              defaultValue={valueFor("assignment", "description", "")}
            />
            <div className="grid gap-3 sm:grid-cols-2">
              <TextField
                name="dueDay"
                type="date"
                label={t("course.assignment.dueDay")}
                required
                error={errorsFor("assignment")?.dueDay}
                defaultValue={valueFor("assignment", "dueDay", "")}
              />
              <TextField
                name="dueTime"
                type="time"
                label={t("course.assignment.dueTime")}
                error={errorsFor("assignment")?.dueTime}
                defaultValue={valueFor("assignment", "dueTime", "23:59")}
              />
            </div>
            <label className="flex items-center gap-2">
              <input
                type="checkbox"
                name="isFinal"
                className="size-4"
                defaultChecked={valueFor("assignment", "isFinal", "") === "on"}
              />
              {t("course.assignment.isFinal")}
            </label>
            <div>
              <SubmitButton>{t("course.assignment.save")}</SubmitButton>
            </div>
          </Form>
        ) : null}
      </Card>
      <Card>
        <h2 className="text-lg font-semibold">{t("course.literature")}</h2>
        {(["required", "additional"] as const).map((kind) => {
          const items = loaderData.literature.filter((l) => l.required === (kind === "required"));
          return items.length ? (
            <div key={kind} className="mt-2">
              <h3 className="font-medium">{t(`course.literature.${kind}`)}</h3>
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
        {isTeacher ? (
          <Form method="post" noValidate className="mt-4 flex flex-col gap-3">
            <input type="hidden" name="intent" value="literature" />
            <TextField
              name="citation"
              label={t("course.literature.citation")}
              required
              error={errorsFor("literature")?.citation}
              defaultValue={valueFor("literature", "citation", "")}
            />
            <label className="flex items-center gap-2">
              <input type="checkbox" name="required" className="size-4" defaultChecked />
              {t("course.literature.isRequired")}
            </label>
            <div>
              <SubmitButton variant="secondary">{t("course.literature.add")}</SubmitButton>
            </div>
          </Form>
        ) : null}
      </Card>
    </div>
  );
}
