import { data, Form, Link, redirect } from "react-router";
import { getDb } from "#app/db/client.server.ts";
import { formatDate, formatRange } from "#app/i18n/dates.ts";
import { getMyRoute } from "#app/modules/progress/completion.server.ts";
import { confirmSlot } from "#app/modules/progress/conversations.server.ts";
import { submitPresentation } from "#app/modules/progress/presentations.server.ts";
import { presentationSchema } from "#app/modules/progress/progress.schema.ts";
import { uploadedFile } from "#app/platform/files.server.ts";
import { parseForm } from "#app/platform/forms.ts";
import { ErrorSummary, FileField, SubmitButton, TextField } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { Card, EmptyState, Notice, PageHeader } from "#app/ui/layout.tsx";
import { withFieldErrors } from "../networks/network-helpers.server.ts";
import { baseUrl, noticeFrom, requestState, requireActor } from "../session.server.ts";
import type { Route } from "./+types/my-route";

export function meta() {
  return [{ title: "Mijn route — Knooppunt" }];
}

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const actor = requireActor(context.get(requestState), request);
  const view = await getMyRoute(await getDb(), actor, params.networkId);
  return {
    ...view,
    network: { id: view.network.id, name: view.network.name },
    notice: noticeFrom(request),
  };
}

export async function action({ context, params, request }: Route.ActionArgs) {
  const actor = requireActor(context.get(requestState), request);
  const formData = await request.formData();
  const db = await getDb();
  const back = (notice: string) =>
    redirect(`/netwerken/${params.networkId}/mijn-route?melding=${notice}`);
  if (formData.get("intent") === "confirm-slot") {
    const result = await withFieldErrors(() =>
      confirmSlot(
        db,
        actor,
        params.networkId,
        String(formData.get("conversationId")),
        String(formData.get("slotId")),
        {
          baseUrl: baseUrl(request),
        },
      ),
    );
    return result.ok
      ? back("route.slot.confirmed")
      : data({ errors: result.errors, values: {} }, { status: 400 });
  }
  const form = parseForm(presentationSchema, formData);
  if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
  const result = await withFieldErrors(() =>
    submitPresentation(db, actor, params.networkId, form.data, uploadedFile(formData, "file")),
  );
  if (!result.ok) return data({ errors: result.errors, values: form.data }, { status: 400 });
  return back("route.presentation.saved");
}

export default function MyRoute({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { network, progress, conversations, presentation } = loaderData;
  const errors = actionData?.errors as Record<string, string> | undefined;
  const values = actionData?.values as Record<string, string> | undefined;
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={t("route.mine")}
        intro={`${network.name}${progress?.route ? ` · ${progress.route.name}` : ""}`}
      >
        <Link to={`/netwerken/${network.id}`} className="text-accent-700 underline">
          {t("net.enrol.back")}
        </Link>
      </PageHeader>
      {loaderData.notice ? <Notice tone="success">{t(loaderData.notice)}</Notice> : null}
      <ErrorSummary errors={errors} />
      {!progress?.route ? (
        <Card>
          <EmptyState>{t("route.noRoute")}</EmptyState>
        </Card>
      ) : (
        <>
          <Card>
            {progress.complete ? (
              <Notice tone="success">
                {t("route.completed", {
                  date: loaderData.member.routeCompletedAt
                    ? t.date(loaderData.member.routeCompletedAt)
                    : "",
                })}
                {loaderData.certificate ? (
                  <>
                    {" "}
                    {t("route.certificate", { points: loaderData.certificate.points })}{" "}
                    <a
                      href={`/certificaten/${loaderData.certificate.id}/pdf`}
                      className="underline"
                    >
                      {t("route.certificate.download")}
                    </a>{" "}
                    <a href="/herregistratie" className="underline">
                      {t("route.certificate.register")}
                    </a>
                  </>
                ) : null}
              </Notice>
            ) : (
              <p className="font-medium">{t("route.inProgress")}</p>
            )}
            <h2 className="mt-3 text-lg font-semibold">{t("route.attendance")}</h2>
            <p>
              {progress.attendance.required
                ? t("route.attendance.rule", {
                    present: progress.attendance.present,
                    required: progress.attendance.required,
                    planned: progress.attendance.planned,
                  })
                : t("route.attendance.count", {
                    present: progress.attendance.present,
                    held: progress.attendance.held,
                  })}
            </p>
            {progress.attendance.required ? (
              <div className="mt-2 flex items-center gap-3">
                <progress
                  className="h-3 w-full max-w-md"
                  max={progress.attendance.required}
                  value={Math.min(progress.attendance.present, progress.attendance.required)}
                  aria-label={t("route.attendance")}
                />
                <span className="text-sm">
                  {progress.attendance.present}/{progress.attendance.required}
                </span>
              </div>
            ) : null}
          </Card>
          <Card>
            <h2 className="text-lg font-semibold">{t("route.steps")}</h2>
            <ol className="mt-3 flex flex-col gap-3">
              {progress.steps.map((step) => {
                const talk = conversations.find((c) => c.stepNumber === step.number);
                return (
                  <li key={step.number} className="rounded-md border border-slate-300 p-3">
                    <p className="flex flex-wrap items-center gap-2">
                      <span aria-hidden="true">{step.done ? "✔" : "○"}</span>
                      <span className="font-semibold">
                        {t("route.step", { number: step.number })}: {step.title}
                      </span>
                      <span className={step.done ? "text-green-800" : "text-slate-700"}>
                        ({step.done ? t("route.step.done") : t("route.step.open")})
                      </span>
                    </p>
                    {step.waitsFor && step.completedAt ? (
                      <p className="mt-1 text-sm text-slate-700">
                        {t("progress.presentation.waits", {
                          date: formatDate(step.waitsFor, t.locale),
                        })}
                      </p>
                    ) : null}
                    {talk ? (
                      <div className="mt-2 text-sm">
                        {talk.status === "proposed" ? (
                          <Form method="post" className="flex flex-col gap-2">
                            <input type="hidden" name="intent" value="confirm-slot" />
                            <input type="hidden" name="conversationId" value={talk.id} />
                            <fieldset>
                              <legend className="font-medium">
                                {t("route.slots.choose", { name: talk.facilitatorName })}
                              </legend>
                              {talk.slots.map((slot, i) => (
                                <label key={slot.id} className="mt-1 flex items-center gap-2">
                                  <input
                                    type="radio"
                                    name="slotId"
                                    value={slot.id}
                                    defaultChecked={i === 0}
                                    className="size-4"
                                  />
                                  {formatRange(slot.startsAt, slot.endsAt, t.locale)}
                                </label>
                              ))}
                            </fieldset>
                            <div>
                              <SubmitButton>{t("route.slots.confirm")}</SubmitButton>
                            </div>
                          </Form>
                        ) : (
                          <p>
                            {talk.startsAt ? `${t.dateTime(talk.startsAt)} · ` : ""}
                            <Link
                              to={`/netwerken/${network.id}/gesprekken/${talk.id}`}
                              className="text-accent-700 underline"
                            >
                              {t("route.conversation.open")}
                            </Link>
                          </p>
                        )}
                      </div>
                    ) : null}
                    {step.kind === "presentation" ? (
                      <Form
                        method="post"
                        encType="multipart/form-data"
                        noValidate
                        className="mt-3 flex flex-col gap-3"
                      >
                        {presentation ? (
                          <p className="text-sm">
                            {presentation.link ? (
                              <a
                                href={presentation.link}
                                className="text-accent-700 underline"
                                rel="noreferrer"
                              >
                                {t("route.presentation.link")}
                              </a>
                            ) : null}
                            {presentation.fileId ? (
                              <a
                                href={`/netwerken/${network.id}/bestanden/${presentation.fileId}`}
                                className="ml-3 text-accent-700 underline"
                              >
                                {t("route.presentation.file")}
                              </a>
                            ) : null}
                          </p>
                        ) : null}
                        <TextField
                          name="link"
                          label={t("route.presentation.linkLabel")}
                          error={errors?.link}
                          defaultValue={values?.link ?? presentation?.link ?? ""}
                        />
                        <FileField
                          label={t("route.presentation.fileLabel")}
                          hint={t("file.hint")}
                          error={errors?.file}
                        />
                        <input type="hidden" name="note" value="" />
                        <div>
                          <SubmitButton>{t("route.presentation.save")}</SubmitButton>
                        </div>
                      </Form>
                    ) : null}
                  </li>
                );
              })}
            </ol>
          </Card>
        </>
      )}
    </div>
  );
}
