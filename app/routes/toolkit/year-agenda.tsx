import { data, Form, Link, redirect } from "react-router";
import { getDb } from "#app/db/client.server.ts";
import {
  agendaDecisionSchema,
  agendaMeetingSchema,
  choreSchema,
} from "#app/modules/toolkit/toolkit.schema.ts";
import {
  addAgendaMeeting,
  addChore,
  assertAgendaAccess,
  decideOnAgenda,
  getYearAgenda,
} from "#app/modules/toolkit/year-agenda.server.ts";
import { type AgendaColumn, agendaColumns } from "#app/modules/toolkit/year-agenda.ts";
import { parseForm } from "#app/platform/forms.ts";
import { ErrorSummary, SelectField, SubmitButton, TextField, targetedForm } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { Card, EmptyState, Notice, PageHeader } from "#app/ui/layout.tsx";
import { withFieldErrors } from "../networks/network-helpers.server.ts";
import { noticeFrom, requestState, requireActor } from "../session.server.ts";
import type { Route } from "./+types/year-agenda";
import { currentSchoolYear, spaceFrom } from "./space.server.ts";

export function meta() {
  return [{ title: "Jaaragenda — Knooppunt" }];
}

function selection(request: Request) {
  const url = new URL(request.url);
  return {
    body: url.searchParams.get("sectie")?.trim() || "",
    schoolYear: url.searchParams.get("jaar")?.trim() || currentSchoolYear(),
  };
}

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const actor = requireActor(context.get(requestState), request);
  const { kind, spaceId, base } = spaceFrom(request, params.spaceId);
  const chosen = selection(request);
  const view = await getYearAgenda(
    await getDb(),
    actor,
    kind,
    spaceId,
    chosen.body,
    chosen.schoolYear,
  );
  return { ...view, ...chosen, base, notice: noticeFrom(request) };
}

export async function action({ context, params, request }: Route.ActionArgs) {
  const actor = requireActor(context.get(requestState), request);
  const { kind, spaceId, base } = spaceFrom(request, params.spaceId);
  const formData = await request.formData();
  const db = await getDb();
  const intent = String(formData.get("intent") ?? "");
  const meetingId = String(formData.get("meetingId") ?? "");
  // Rights before the form; a chore or decision for a meeting not in this space is a 404.
  await assertAgendaAccess(db, actor, kind, spaceId, intent === "meeting" ? undefined : meetingId);
  const back = (body: string, year: string, notice: string) =>
    redirect(
      `${base}/jaaragenda?sectie=${encodeURIComponent(body)}&jaar=${year}&melding=${notice}`,
    );
  if (intent === "meeting") {
    const form = parseForm(agendaMeetingSchema, formData);
    if (!form.ok)
      return data({ target: intent, errors: form.errors, values: form.values }, { status: 400 });
    await addAgendaMeeting(db, actor, kind, spaceId, form.data);
    return back(form.data.body, form.data.schoolYear, "agenda.year.meetingAdded");
  }
  const body = String(formData.get("body") ?? "");
  const year = String(formData.get("schoolYear") ?? "");
  if (intent === "chore") {
    const form = parseForm(choreSchema, formData);
    if (!form.ok)
      return data(
        { target: `chore-${meetingId}`, errors: form.errors, values: form.values },
        { status: 400 },
      );
    const result = await withFieldErrors(() =>
      addChore(db, actor, kind, spaceId, meetingId, form.data.text),
    );
    if (!result.ok)
      return data({ target: `chore-${meetingId}`, errors: result.errors }, { status: 400 });
    return back(body, year, "agenda.year.saved");
  }
  if (intent !== "plan" && intent !== "decide") throw data(null, { status: 400 });
  // "Op de agenda" puts a plan discussion in column 1; the other buttons carry their column.
  const decision = parseForm(agendaDecisionSchema, formData);
  const target = intent === "plan" ? `plan-${meetingId}` : `decide-${meetingId}`;
  if (!decision.ok) return data({ target, errors: decision.errors }, { status: 400 });
  const result = await withFieldErrors(() =>
    decideOnAgenda(db, actor, kind, spaceId, decision.data),
  );
  if (!result.ok) return data({ target, errors: result.errors }, { status: 400 });
  return back(body, year, "agenda.year.saved");
}

export default function YearAgenda({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { rows, bodies, openInitiatives, body, schoolYear, base } = loaderData;
  const { errorsFor, valueFor } = targetedForm(actionData);
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
                        {t(`agenda.year.col.${c}`)}
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
                                error={errorsFor(`plan-${row.meeting.id}`)?.initiativeId}
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
                            error={errorsFor(`chore-${row.meeting.id}`)?.text}
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
      <Card>
        <h2 className="text-lg font-semibold print:hidden">{t("agenda.year.addMeeting")}</h2>
        <Form method="post" className="mt-2 flex flex-col gap-3 print:hidden">
          <input type="hidden" name="intent" value="meeting" />
          <ErrorSummary errors={errorsFor("meeting")} />
          <TextField
            name="body"
            label={t("agenda.year.body")}
            hint={t("agenda.year.bodyHint")}
            required
            error={errorsFor("meeting")?.body}
            defaultValue={valueFor("meeting", "body", body)}
          />
          <TextField
            name="schoolYear"
            label={t("toolkit.schoolYear")}
            hint={t("toolkit.schoolYearHint")}
            required
            error={errorsFor("meeting")?.schoolYear}
            defaultValue={valueFor("meeting", "schoolYear", schoolYear)}
          />
          <TextField
            name="heldOn"
            type="date"
            label={t("agenda.year.heldOn")}
            error={errorsFor("meeting")?.heldOn}
            defaultValue={valueFor("meeting", "heldOn")}
          />
          <div>
            <SubmitButton>{t("agenda.year.addMeetingButton")}</SubmitButton>
          </div>
        </Form>
      </Card>
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
                column: t(`agenda.year.col.${other}`),
              })}
              className="rounded border border-slate-400 px-2 py-0.5 text-slate-800"
            >
              → {t(`agenda.year.short.${other}`)}
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
