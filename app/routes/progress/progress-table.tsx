import { getFormProps } from "@conform-to/react";
import { CalendarPlus } from "lucide-react";
import { Form, Link, redirect } from "react-router";
import { formatDate } from "#app/i18n/dates.ts";
import { conversationStatusLabel } from "#app/i18n/labels.ts";
import {
  getProgressTable,
  requireCanGuideMembers,
  setStepDone,
} from "#app/modules/progress/completion.server.ts";
import { proposeSlots } from "#app/modules/progress/conversations.server.ts";
import {
  type ProgressTablePageForm,
  progressTablePageSchema,
  tickableStepKinds,
} from "#app/modules/progress/progress.schema.ts";
import { buttonClass } from "#app/ui/button.tsx";
import { ErrorSummary, SelectField, SubmitButton, TextField } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { fieldErrorsOf, fieldProps, useIntentForm } from "#app/ui/intent-form.ts";
import { Card, EmptyState, Notice, PageHeader } from "#app/ui/layout.tsx";
import { pageTitle } from "#app/ui/page-title.ts";
import { handleIntents } from "../forms.server.ts";
import { withNetworkActor } from "../pipeline.server.ts";
import { baseUrl, noticeFrom } from "../session.server.ts";
import type { Route } from "./+types/progress-table";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.progress");
}

export async function loader(args: Route.LoaderArgs) {
  return withNetworkActor(args, async ({ db, network }) => {
    const view = await getProgressTable(db, network);
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
      redirect(`/netwerken/${network.id}/voortgang?melding=${notice}`);
    return handleIntents(
      args.request,
      progressTablePageSchema,
      {
        step: async (form) => {
          const [memberId, step] = form.step.split(":");
          await setStepDone(db, network, memberId ?? "", Number(step), form.done === "1");
          return back("progress.step.saved");
        },
        propose: async ({ intent: _intent, ...proposal }) => {
          await proposeSlots(db, network, proposal, { baseUrl: baseUrl(args.request) });
          return back("progress.slots.sent");
        },
      },
      // Rights before the form: someone without them gets the 403/404, not field errors.
      { authorize: () => requireCanGuideMembers(network) },
    );
  });
}

const conversational = new Set(["intake", "development", "closing"]);

export default function ProgressTable({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { network, steps, rows } = loaderData;
  const talkOf = (memberId: string, step: number) =>
    loaderData.conversations.find((c) => c.memberId === memberId && c.stepNumber === step);
  const conversationSteps = steps.filter((s) => conversational.has(s.kind));
  const cell =
    "p-2 max-sm:p-0 max-sm:before:block max-sm:before:text-xs max-sm:before:font-semibold max-sm:before:text-slate-600 max-sm:before:content-[attr(data-label)]";
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={t("progress.title")}
        context={network.name}
        action={
          loaderData.canGuide && conversationSteps.length && rows.length ? (
            <a href="#gesprek-inplannen" className={buttonClass("primary")}>
              <CalendarPlus aria-hidden className="size-4" />
              {t("progress.slots.title")}
            </a>
          ) : undefined
        }
      >
        <Link to={`/netwerken/${network.id}`} className="text-accent-700 underline">
          {t("net.enrol.back")}
        </Link>
      </PageHeader>
      {loaderData.notice ? <Notice tone="success">{t(loaderData.notice)}</Notice> : null}
      <Card>
        {rows.length === 0 ? (
          <EmptyState>{t("progress.empty")}</EmptyState>
        ) : (
          // From sm up a table that scrolls inside its own box; on a phone one card per
          // participant, each cell named by its column (data-label, read out too) instead of the header row.
          <div className="sm:overflow-x-auto">
            <table className="w-full text-left text-sm max-sm:block">
              <caption className="sr-only">{t("progress.title")}</caption>
              <thead className="bg-slate-100 max-sm:hidden">
                <tr>
                  <th scope="col" className="p-2">
                    {t("net.members.col.name")}
                  </th>
                  <th scope="col" className="p-2">
                    {t("progress.col.attendance")}
                  </th>
                  {steps.map((step) => (
                    <th key={step.number} scope="col" className="p-2" title={step.title}>
                      {t("route.step", { number: step.number })}
                    </th>
                  ))}
                  <th scope="col" className="p-2">
                    {t("progress.col.complete")}
                  </th>
                </tr>
              </thead>
              <tbody className="max-sm:flex max-sm:flex-col max-sm:gap-3">
                {rows.map((row) => (
                  <tr
                    key={row.member.id}
                    className="border-t border-slate-200 align-top max-sm:grid max-sm:grid-cols-2 max-sm:gap-x-3 max-sm:gap-y-2 max-sm:rounded-md max-sm:border max-sm:p-3"
                  >
                    <th
                      scope="row"
                      className="p-2 font-normal max-sm:col-span-2 max-sm:p-0 max-sm:text-base max-sm:font-semibold"
                    >
                      {row.member.name}
                      <span className="block text-xs text-slate-600">{row.route?.name}</span>
                    </th>
                    <td className={cell} data-label={t("progress.col.attendance")}>
                      <span className="whitespace-nowrap">
                        {row.attendance.present}
                        {row.attendance.required ? ` / ${row.attendance.required}` : ""}
                      </span>
                      {row.caughtUp.map((item) => (
                        <span key={item.startsAt.toISOString()} className="block text-xs">
                          {t("progress.caughtUp", {
                            date: formatDate(item.startsAt, t.locale),
                            reason: item.reason,
                          })}
                        </span>
                      ))}
                    </td>
                    {steps.map((step) => {
                      const state = row.steps.find((s) => s.number === step.number);
                      if (!state)
                        return (
                          <td
                            key={step.number}
                            className={`${cell} text-slate-500`}
                            data-label={t("route.step", { number: step.number })}
                          >
                            —
                          </td>
                        );
                      const talk = talkOf(row.member.id, step.number);
                      return (
                        <td
                          key={step.number}
                          className={cell}
                          data-label={t("route.step", { number: step.number })}
                        >
                          <span>
                            {state.done ? `✔ ${t("route.step.done")}` : t("route.step.open")}
                          </span>
                          {state.waitsFor && state.completedAt ? (
                            <span className="block text-xs">
                              {t("progress.presentation.waits", {
                                date: formatDate(state.waitsFor, t.locale),
                              })}
                            </span>
                          ) : null}
                          {talk ? (
                            <Link
                              to={`/netwerken/${network.id}/gesprekken/${talk.id}`}
                              className="block text-accent-700 underline"
                            >
                              {t(conversationStatusLabel[talk.status])}
                            </Link>
                          ) : null}
                          {tickableStepKinds.has(step.kind) && loaderData.canGuide ? (
                            <Form method="post">
                              <input type="hidden" name="intent" value="step" />
                              <input
                                type="hidden"
                                name="done"
                                value={state.done && state.completedAt ? "0" : "1"}
                              />
                              <button
                                type="submit"
                                name="step"
                                value={`${row.member.id}:${step.number}`}
                                className={`${buttonClass("secondary", "sm")} mt-1`}
                                aria-label={`${row.member.name}, ${t("route.step", { number: step.number })}: ${state.completedAt ? t("progress.untick") : t("progress.tick")}`}
                              >
                                {state.completedAt ? t("progress.untick") : t("progress.tick")}
                              </button>
                            </Form>
                          ) : null}
                        </td>
                      );
                    })}
                    <td className={`${cell} font-medium`} data-label={t("progress.col.complete")}>
                      {row.complete ? t("progress.complete.yes") : t("progress.complete.no")}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      {loaderData.canGuide && conversationSteps.length && rows.length ? (
        <Card>
          <h2 id="gesprek-inplannen" className="text-lg font-semibold">
            {t("progress.slots.title")}
          </h2>
          <p className="mb-3 text-sm text-slate-700">{t("progress.slots.intro")}</p>
          <SlotProposalForm
            actionData={actionData}
            members={rows.map((r) => ({ value: r.member.id, label: r.member.name }))}
            steps={conversationSteps.map((s) => ({
              value: String(s.number),
              label: `${s.number}. ${s.title}`,
            }))}
          />
        </Card>
      ) : null}
    </div>
  );
}

type Option = { value: string; label: string };

function SlotProposalForm({
  actionData,
  members,
  steps,
}: {
  actionData: unknown;
  members: Option[];
  steps: Option[];
}) {
  const t = useT();
  const [form, fields] = useIntentForm<Extract<ProgressTablePageForm, { intent: "propose" }>>(
    "propose",
    actionData,
    { defaultValue: { minutes: "45" } },
  );
  return (
    <Form method="post" {...getFormProps(form)} className="flex flex-col gap-4">
      <input type="hidden" name="intent" value="propose" />
      <ErrorSummary errors={fieldErrorsOf(form)} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label={t("progress.slots.member")}
          required
          options={members}
          {...fieldProps(fields.memberId)}
        />
        <SelectField
          label={t("progress.slots.step")}
          required
          options={steps}
          {...fieldProps(fields.stepNumber)}
        />
        {([1, 2, 3] as const).map((n) => (
          <div key={n} className="grid grid-cols-2 gap-2 sm:col-span-2">
            <TextField
              type="date"
              label={t("progress.slots.day", { n })}
              required={n === 1}
              {...fieldProps(fields[`slot${n}Day`])}
            />
            <TextField
              type="time"
              label={t("progress.slots.time", { n })}
              required={n === 1}
              {...fieldProps(fields[`slot${n}Time`])}
            />
          </div>
        ))}
        <TextField label={t("progress.slots.minutes")} required {...fieldProps(fields.minutes)} />
        <TextField label={t("meeting.onlineUrl")} {...fieldProps(fields.onlineUrl)} />
      </div>
      <div>
        <SubmitButton>{t("progress.slots.send")}</SubmitButton>
      </div>
    </Form>
  );
}
