import { getFormProps } from "@conform-to/react";
import { Form, Link, redirect } from "react-router";
import { agendaYearColLabel, agendaYearShortLabel } from "#app/i18n/labels.ts";
import { currentSchoolYear } from "#app/modules/toolkit/school-year.ts";
import { spaceBase, spaceSummary } from "#app/modules/toolkit/space-access.server.ts";
import {
  type YearAgendaPageForm,
  yearAgendaPageSchema,
} from "#app/modules/toolkit/toolkit.schema.ts";
import {
  addAgendaMeeting,
  addChore,
  decideOnAgenda,
  getYearAgenda,
  requireAgendaMeeting,
} from "#app/modules/toolkit/year-agenda.server.ts";
import { type AgendaColumn, agendaColumns } from "#app/modules/toolkit/year-agenda.ts";
import { isIntentReply } from "#app/platform/intent-reply.ts";
import { ErrorSummary, SelectField, SubmitButton, TextField } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { fieldErrorsOf, fieldProps, useIntentForm } from "#app/ui/intent-form.ts";
import { Card, EmptyState, Notice, PageHeader } from "#app/ui/layout.tsx";
import { pageTitle } from "#app/ui/page-title.ts";
import { handleIntentsOf } from "../forms.server.ts";
import { withSpace } from "../pipeline.server.ts";
import { noticeFrom } from "../session.server.ts";
import type { Route } from "./+types/year-agenda";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.yearAgenda");
}

function selection(request: Request) {
  const url = new URL(request.url);
  return {
    body: url.searchParams.get("sectie")?.trim() || "",
    schoolYear: url.searchParams.get("jaar")?.trim() || currentSchoolYear(),
  };
}

export async function loader(args: Route.LoaderArgs) {
  return withSpace(args, async ({ db, space }) => {
    const chosen = selection(args.request);
    const view = await getYearAgenda(db, space, chosen.body, chosen.schoolYear);
    return {
      ...view,
      ...chosen,
      space: spaceSummary(space),
      base: spaceBase(space),
      notice: noticeFrom(args.request),
    };
  });
}

export async function action(args: Route.ActionArgs) {
  return withSpace(args, async ({ db, space }) => {
    const back = (body: string, year: string, notice: string) =>
      redirect(
        `${spaceBase(space)}/jaaragenda?sectie=${encodeURIComponent(body)}&jaar=${year}&melding=${notice}`,
      );
    const formData = await args.request.formData();
    // The meeting the chore or decision is for (a form of each meeting row shows its errors).
    const meetingId = String(formData.get("meetingId") ?? "");
    return handleIntentsOf(
      formData,
      yearAgendaPageSchema,
      {
        meeting: async (form) => {
          await addAgendaMeeting(db, space, form);
          return back(form.body, form.schoolYear, "agenda.year.meetingAdded");
        },
        chore: async (form) => {
          await addChore(db, space, form.meetingId, form.text);
          return back(form.body, form.schoolYear, "agenda.year.saved");
        },
        plan: async (form) => {
          await decideOnAgenda(db, space, form);
          return back(form.body, form.schoolYear, "agenda.year.saved");
        },
        decide: async (form) => {
          await decideOnAgenda(db, space, form);
          return back(form.body, form.schoolYear, "agenda.year.saved");
        },
      },
      {
        // Rights before the form; a chore or decision for a meeting not in this space is a 404.
        authorize: (intent) =>
          intent === "meeting" ? undefined : requireAgendaMeeting(db, space, meetingId),
      },
    );
  });
}

/** The errors of the form a meeting row sent (each row has its own chore and plan forms). */
function rowErrors(actionData: unknown, intent: string, meetingId: string) {
  if (!isIntentReply(actionData) || actionData.intent !== intent) return undefined;
  const sent = actionData.result.initialValue?.meetingId;
  return sent === meetingId ? actionData.result.error : undefined;
}

export default function YearAgenda({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { rows, bodies, openInitiatives, body, schoolYear, base } = loaderData;
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("agenda.year.title")} intro={loaderData.space.name}>
        <p className="max-w-2xl text-slate-700 print:hidden">{t("agenda.year.intro")}</p>
        <Link to={base} className="text-accent-700 underline print:hidden">
          {t("toolkit.back")}
        </Link>
      </PageHeader>
      {loaderData.notice ? <Notice tone="success">{t(loaderData.notice)}</Notice> : null}
      {bodies.length ? (
        <nav aria-label={t("agenda.year.bodies")} className="flex flex-wrap gap-3 print:hidden">
          {bodies.map((b) => (
            <Link
              key={`${b.body}-${b.schoolYear}`}
              to={`?sectie=${encodeURIComponent(b.body)}&jaar=${b.schoolYear}`}
              aria-current={b.body === body && b.schoolYear === schoolYear ? "page" : undefined}
              className="text-accent-700 underline aria-[current=page]:font-semibold"
            >
              {b.body} {b.schoolYear}
            </Link>
          ))}
        </nav>
      ) : null}
      {body ? (
        <Card>
          <h2 className="text-lg font-semibold">
            {body} · {schoolYear}
          </h2>
          {rows.length ? (
            <div className="mt-3 overflow-x-auto">
              <table className="w-full min-w-[48rem] border-collapse text-left text-sm">
                <caption className="sr-only">
                  {t("agenda.year.caption", { body, year: schoolYear })}
                </caption>
                <thead className="bg-slate-100">
                  <tr>
                    <th scope="col" className="p-2">
                      {t("agenda.year.meeting")}
                    </th>
                    {agendaColumns.map((c) => (
                      <th key={c} scope="col" className="p-2">
                        {t(agendaYearColLabel[c])}
                      </th>
                    ))}
                    <th scope="col" className="p-2">
                      {t("agenda.year.col.regelwerk")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={row.meeting.id} className="border-t border-slate-200 align-top">
                      <th scope="row" className="p-2 font-medium">
                        {t("agenda.year.overleg", { n: row.meeting.number })}
                        {row.meeting.heldOn ? (
                          <span className="block font-normal text-slate-700">
                            {t.date(row.meeting.heldOn)}
                          </span>
                        ) : null}
                      </th>
                      {agendaColumns.map((c) => (
                        <td key={c} className="p-2">
                          <ul className="flex flex-col gap-1">
                            {row.columns[c].map((item) => (
                              <AgendaItemRow
                                key={item.initiativeId}
                                item={item}
                                column={c}
                                meeting={row.meeting}
                                body={body}
                                schoolYear={schoolYear}
                              />
                            ))}
                          </ul>
                          {c === "plannen" && openInitiatives.length ? (
                            <Form
                              method="post"
                              className="mt-2 flex flex-wrap items-end gap-2 print:hidden"
                            >
                              <input type="hidden" name="intent" value="plan" />
                              <input type="hidden" name="column" value="plannen" />
                              <input type="hidden" name="meetingId" value={row.meeting.id} />
                              <input type="hidden" name="body" value={body} />
                              <input type="hidden" name="schoolYear" value={schoolYear} />
                              <SelectField
                                name="initiativeId"
                                id={`plan-${row.meeting.id}`}
                                label={t("agenda.year.planHere", { n: row.meeting.number })}
                                error={
                                  rowErrors(actionData, "plan", row.meeting.id)?.initiativeId?.[0]
                                }
                                placeholder={t("agenda.year.pick")}
                                options={openInitiatives.map((i) => ({
                                  value: i.id,
                                  label: i.name,
                                }))}
                              />
                              <SubmitButton variant="secondary">
                                {t("agenda.year.plan")}
                              </SubmitButton>
                            </Form>
                          ) : null}
                        </td>
                      ))}
                      <td className="p-2">
                        <ul>
                          {row.chores.map((chore) => (
                            <li key={chore}>– {chore}</li>
                          ))}
                        </ul>
                        <Form
                          method="post"
                          className="mt-2 flex flex-wrap items-end gap-2 print:hidden"
                        >
                          <input type="hidden" name="intent" value="chore" />
                          <input type="hidden" name="meetingId" value={row.meeting.id} />
                          <input type="hidden" name="body" value={body} />
                          <input type="hidden" name="schoolYear" value={schoolYear} />
                          <TextField
                            name="text"
                            id={`chore-${row.meeting.id}`}
                            label={t("agenda.year.chore", { n: row.meeting.number })}
                            error={rowErrors(actionData, "chore", row.meeting.id)?.text?.[0]}
                          />
                          <SubmitButton variant="secondary">
                            {t("agenda.year.addChore")}
                          </SubmitButton>
                        </Form>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <EmptyState>{t("agenda.year.empty")}</EmptyState>
          )}
          <p className="mt-3 text-sm text-slate-700 print:hidden">{t("agenda.year.printHint")}</p>
        </Card>
      ) : null}
      <MeetingForm actionData={actionData} body={body} schoolYear={schoolYear} />
    </div>
  );
}

/**
 * One initiative in a cell. A suggestion (from the rule of chapter 3) waits for the section:
 * take it over, move it to another column, or take it off this meeting. Only decisions print.
 */
function AgendaItemRow({
  item,
  column,
  meeting,
  body,
  schoolYear,
}: {
  item: { initiativeId: string; name: string; suggested: boolean };
  column: AgendaColumn;
  meeting: { id: string; number: number };
  body: string;
  schoolYear: string;
}) {
  const t = useT();
  const where = { name: item.name, n: meeting.number };
  return (
    <li className={item.suggested ? "text-slate-700 print:hidden" : undefined}>
      <span>
        – {item.name}
        {item.suggested ? (
          <>
            {" "}
            <span className="text-xs italic">({t("agenda.year.suggestion")})</span>
          </>
        ) : null}
      </span>
      <Form method="post" className="mt-1 flex flex-wrap gap-1 text-xs print:hidden">
        <input type="hidden" name="intent" value="decide" />
        <input type="hidden" name="meetingId" value={meeting.id} />
        <input type="hidden" name="initiativeId" value={item.initiativeId} />
        <input type="hidden" name="body" value={body} />
        <input type="hidden" name="schoolYear" value={schoolYear} />
        {item.suggested ? (
          <button
            type="submit"
            name="column"
            value={column}
            aria-label={t("agenda.year.acceptLabel", where)}
            className="rounded border border-accent-700 px-2 py-0.5 text-accent-800"
          >
            {t("agenda.year.accept")}
          </button>
        ) : null}
        {agendaColumns
          .filter((other) => other !== column)
          .map((other) => (
            <button
              key={other}
              type="submit"
              name="column"
              value={other}
              aria-label={t("agenda.year.moveLabel", {
                ...where,
                column: t(agendaYearColLabel[other]),
              })}
              className="rounded border border-slate-400 px-2 py-0.5 text-slate-800"
            >
              → {t(agendaYearShortLabel[other])}
            </button>
          ))}
        <button
          type="submit"
          name="column"
          value="geschrapt"
          aria-label={t("agenda.year.removeLabel", where)}
          className="rounded border border-slate-400 px-2 py-0.5 text-slate-800"
        >
          {t("agenda.year.remove")}
        </button>
      </Form>
    </li>
  );
}

function MeetingForm({
  actionData,
  body,
  schoolYear,
}: {
  actionData: unknown;
  body: string;
  schoolYear: string;
}) {
  const t = useT();
  const [form, fields] = useIntentForm<Extract<YearAgendaPageForm, { intent: "meeting" }>>(
    "meeting",
    actionData,
    { defaultValue: { body, schoolYear } },
  );
  return (
    <Card>
      <h2 className="text-lg font-semibold print:hidden">{t("agenda.year.addMeeting")}</h2>
      <Form method="post" {...getFormProps(form)} className="mt-2 flex flex-col gap-3 print:hidden">
        <input type="hidden" name="intent" value="meeting" />
        <ErrorSummary errors={fieldErrorsOf(form)} />
        <TextField
          label={t("agenda.year.body")}
          hint={t("agenda.year.bodyHint")}
          required
          {...fieldProps(fields.body)}
        />
        <TextField
          label={t("toolkit.schoolYear")}
          hint={t("toolkit.schoolYearHint")}
          required
          {...fieldProps(fields.schoolYear)}
        />
        <TextField type="date" label={t("agenda.year.heldOn")} {...fieldProps(fields.heldOn)} />
        <div>
          <SubmitButton>{t("agenda.year.addMeetingButton")}</SubmitButton>
        </div>
      </Form>
    </Card>
  );
}
