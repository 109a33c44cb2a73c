import { getFormProps } from "@conform-to/react";
import { Form, Link, redirect } from "react-router";
import { formatDate, formatRange } from "#app/i18n/dates.ts";
import { getMyRoute } from "#app/modules/progress/completion.server.ts";
import { confirmSlot } from "#app/modules/progress/conversations.server.ts";
import { submitPresentation } from "#app/modules/progress/presentations.server.ts";
import { type MyRoutePageForm, myRoutePageSchema } from "#app/modules/progress/progress.schema.ts";
import { uploadedFile } from "#app/platform/files.server.ts";
import { ErrorSummary, FileField, SubmitButton, TextField } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { fieldErrorsOf, fieldProps, formErrorOf, useIntentForm } from "#app/ui/intent-form.ts";
import { Card, EmptyState, Notice, PageHeader } from "#app/ui/layout.tsx";
import { pageTitle } from "#app/ui/page-title.ts";
import { handleIntentsOf } from "../forms.server.ts";
import { withNetworkActor } from "../pipeline.server.ts";
import { baseUrl, noticeFrom } from "../session.server.ts";
import type { Route } from "./+types/my-route";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.myRoute");
}

export async function loader(args: Route.LoaderArgs) {
  return withNetworkActor(args, async ({ db, network }) => {
    const view = await getMyRoute(db, network);
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
      redirect(`/netwerken/${network.id}/mijn-route?melding=${notice}`);
    // The presentation's file is not a form value: read the body once, hand the file on.
    const formData = await args.request.formData();
    return handleIntentsOf(formData, myRoutePageSchema, {
      "confirm-slot": async ({ conversationId, slotId }) => {
        await confirmSlot(db, network, conversationId, slotId, { baseUrl: baseUrl(args.request) });
        return back("route.slot.confirmed");
      },
      presentation: async ({ intent: _intent, ...input }) => {
        await submitPresentation(db, network, input, uploadedFile(formData, "file"));
        return back("route.presentation.saved");
      },
    });
  });
}

export default function MyRoute({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { network, progress, conversations, presentation } = loaderData;
  const slotError = formErrorOf(actionData);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={t("route.mine")}
        context={`${network.name}${progress?.route ? ` · ${progress.route.name}` : ""}`}
      >
        <Link to={`/netwerken/${network.id}`} className="text-accent-700 underline">
          {t("net.enrol.back")}
        </Link>
      </PageHeader>
      {loaderData.notice ? <Notice tone="success">{t(loaderData.notice)}</Notice> : null}
      <ErrorSummary errors={slotError ? { form: slotError } : undefined} />
      <SlotErrors actionData={actionData} />
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
                  className="h-3 w-full"
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
                      <PresentationForm
                        actionData={actionData}
                        networkId={network.id}
                        presentation={presentation}
                      />
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

/** A slot that was taken or withdrawn meanwhile: said at the top, where the choice was made. */
function SlotErrors({ actionData }: { actionData: unknown }) {
  const [form] = useIntentForm<Extract<MyRoutePageForm, { intent: "confirm-slot" }>>(
    "confirm-slot",
    actionData,
  );
  const taken = form.allErrors.slotId?.[0];
  return <ErrorSummary errors={taken ? { form: taken } : fieldErrorsOf(form)} />;
}

function PresentationForm({
  actionData,
  networkId,
  presentation,
}: {
  actionData: unknown;
  networkId: string;
  presentation: { link: string; fileId: string | null } | null;
}) {
  const t = useT();
  const [form, fields] = useIntentForm<Extract<MyRoutePageForm, { intent: "presentation" }>>(
    "presentation",
    actionData,
    { defaultValue: { link: presentation?.link ?? "" } },
  );
  return (
    <Form
      method="post"
      encType="multipart/form-data"
      {...getFormProps(form)}
      className="mt-3 flex flex-col gap-3"
    >
      <input type="hidden" name="intent" value="presentation" />
      <ErrorSummary errors={fieldErrorsOf(form)} />
      {presentation ? (
        <p className="text-sm">
          {presentation.link ? (
            <a href={presentation.link} className="text-accent-700 underline" rel="noreferrer">
              {t("route.presentation.link")}
            </a>
          ) : null}
          {presentation.fileId ? (
            <a
              href={`/netwerken/${networkId}/bestanden/${presentation.fileId}`}
              className="ml-3 text-accent-700 underline"
            >
              {t("route.presentation.file")}
            </a>
          ) : null}
        </p>
      ) : null}
      <TextField label={t("route.presentation.linkLabel")} {...fieldProps(fields.link)} />
      <FileField
        label={t("route.presentation.fileLabel")}
        hint={t("file.hint")}
        error={form.allErrors.file?.[0]}
      />
      <input type="hidden" name="note" value="" />
      <div>
        <SubmitButton>{t("route.presentation.save")}</SubmitButton>
      </div>
    </Form>
  );
}
