import { data, Form, Link, redirect } from "react-router";
import { getDb } from "#app/db/client.server.ts";
import { formatDate, formatRange } from "#app/i18n/dates.ts";
import { topicsForMeeting } from "#app/modules/discussion/discussion.server.ts";
import {
  attendanceStatuses,
  caseSchema,
  nextThemeSchema,
  programmeSchema,
} from "#app/modules/meetings/meetings.schema.ts";
import { assertMeetingRight, getMeeting } from "#app/modules/meetings/meetings.server.ts";
import {
  addCase,
  deleteCase,
  recordNextTheme,
  saveProgramme,
  setPreparers,
} from "#app/modules/meetings/programme.server.ts";
import { recordAttendanceWithProgress } from "#app/modules/progress/completion.server.ts";
import { parseForm } from "#app/platform/forms.ts";
import {
  CheckboxGroup,
  ErrorSummary,
  SubmitButton,
  TextAreaField,
  TextField,
  targetedForm,
} from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { Card, EmptyState, LockNote, Notice, PageHeader, Tag } from "#app/ui/layout.tsx";
import { withFieldErrors } from "../networks/network-helpers.server.ts";
import { noticeFrom, requestState, requireActor } from "../session.server.ts";
import type { Route } from "./+types/meeting";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: `Bijeenkomst — ${loaderData?.network.name ?? ""} — Knooppunt` }];
}

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const actor = requireActor(context.get(requestState), request);
  const db = await getDb();
  const view = await getMeeting(db, actor, params.networkId, params.meetingId);
  return {
    ...view,
    topics: await topicsForMeeting(db, actor, params.networkId, params.meetingId),
    network: { id: view.network.id, name: view.network.name },
    me: actor.userId,
    notice: noticeFrom(request),
  };
}

/** The right each form of the meeting page needs; its command checks the same again. */
const rightFor = new Map<string, Parameters<typeof assertMeetingRight>[4]>([
  ["programme", "programme"],
  ["preparers", "plan"],
  ["case", "cases"],
  ["delete-case", "cases"],
  ["next-theme", "plan"],
  ["attendance", "attendance"],
]);

export async function action({ context, params, request }: Route.ActionArgs) {
  const actor = requireActor(context.get(requestState), request);
  const formData = await request.formData();
  const db = await getDb();
  const intent = String(formData.get("intent") ?? "");
  const { networkId, meetingId } = params;
  // Rights before the form: who may not see the meeting gets the 404, who may not do this the 403.
  await assertMeetingRight(db, actor, networkId, meetingId, rightFor.get(intent) ?? "view");
  const here = (notice: string) =>
    redirect(`/netwerken/${networkId}/bijeenkomsten/${meetingId}?melding=${notice}`);
  const fail = (errors: Record<string, string>) =>
    data(
      { target: intent, errors, values: Object.fromEntries(formData) as Record<string, string> },
      { status: 400 },
    );
  if (intent === "programme") {
    const form = parseForm(programmeSchema, formData);
    if (!form.ok) return fail(form.errors);
    await saveProgramme(db, actor, networkId, meetingId, form.data.programme);
    return here("meeting.programme.saved");
  }
  if (intent === "preparers") {
    const ids = formData.getAll("preparers").map(String);
    const result = await withFieldErrors(() => setPreparers(db, actor, networkId, meetingId, ids));
    return result.ok ? here("meeting.preparers.saved") : fail(result.errors);
  }
  if (intent === "case") {
    const form = parseForm(caseSchema, formData);
    if (!form.ok) return fail(form.errors);
    const result = await withFieldErrors(() => addCase(db, actor, networkId, meetingId, form.data));
    return result.ok ? here("meeting.case.saved") : fail(result.errors);
  }
  if (intent === "delete-case") {
    await deleteCase(db, actor, networkId, meetingId, String(formData.get("caseId") ?? ""));
    return here("meeting.case.deleted");
  }
  if (intent === "next-theme") {
    const form = parseForm(nextThemeSchema, formData);
    if (!form.ok) return fail(form.errors);
    await recordNextTheme(db, actor, networkId, meetingId, form.data.nextTheme);
    return here("meeting.nextTheme.saved");
  }
  if (intent === "attendance") {
    const records: Record<string, (typeof attendanceStatuses)[number]> = {};
    const caughtUp: Record<string, string> = {};
    for (const [key, value] of formData.entries()) {
      const status = attendanceStatuses.find((s) => s === value);
      if (key.startsWith("a-") && status) records[key.slice(2)] = status;
      if (key.startsWith("caught-") && value === "1")
        caughtUp[key.slice(7)] = String(formData.get(`reason-${key.slice(7)}`) ?? "");
    }
    const result = await withFieldErrors(() =>
      recordAttendanceWithProgress(db, actor, networkId, meetingId, records, caughtUp),
    );
    return result.ok ? here("meeting.attendance.saved") : fail(result.errors);
  }
  throw data(null, { status: 400 });
}

export default function MeetingPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { network, meeting, can } = loaderData;
  const { errorsFor, valueFor } = targetedForm(actionData);
  const attendanceOf = new Map(loaderData.attendance.map((a) => [a.userId, a.status]));
  const caughtUpOf = new Map(
    loaderData.attendance.flatMap((a) => (a.caughtUpReason ? [[a.userId, a.caughtUpReason]] : [])),
  );
  const attendanceErrors = errorsFor("attendance");
  const base = `/netwerken/${network.id}/bijeenkomsten/${meeting.id}`;
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={formatRange(meeting.startsAt, meeting.endsAt, t.locale)}
        intro={`${network.name}${meeting.theme ? ` · ${meeting.theme}` : ""}`}
      >
        <div className="flex flex-wrap gap-4">
          <Link to={`/netwerken/${network.id}/bijeenkomsten`} className="text-accent-700 underline">
            {t("meeting.backToList")}
          </Link>
          <a href={`${base}/agenda.ics`} className="text-accent-700 underline" download>
            {t("meeting.ics")}
          </a>
          {can.plan ? (
            <Link to={`${base}/bewerken`} className="text-accent-700 underline">
              {t("meeting.edit")}
            </Link>
          ) : null}
        </div>
      </PageHeader>
      {loaderData.notice ? <Notice tone="success">{t(loaderData.notice)}</Notice> : null}
      {meeting.cancelledAt ? <Notice tone="warning">{t("meeting.cancelled.notice")}</Notice> : null}

      <Card>
        <h2 className="text-lg font-semibold">{t("meeting.details")}</h2>
        <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[12rem_1fr]">
          <dt className="font-medium">{t("meeting.theme")}</dt>
          <dd>{meeting.theme || t("meeting.themeOpen")}</dd>
          {loaderData.previous?.nextTheme ? (
            <>
              <dt className="font-medium">{t("meeting.chosenLastTime")}</dt>
              <dd>{loaderData.previous.nextTheme}</dd>
            </>
          ) : null}
          <dt className="font-medium">{t("meeting.place")}</dt>
          <dd>
            {meeting.mode === "online" ? (
              meeting.onlineUrl ? (
                <a href={meeting.onlineUrl} className="text-accent-700 underline" rel="noreferrer">
                  {t("meeting.joinOnline")}
                </a>
              ) : (
                <LockNote>{t("meeting.linkForMembers")}</LockNote>
              )
            ) : (
              meeting.address
            )}
          </dd>
          {meeting.speakerName ? (
            <>
              <dt className="font-medium">{t("meeting.speaker")}</dt>
              <dd>
                {meeting.speakerName}
                {meeting.speakerInvitedBy
                  ? ` (${t("meeting.invitedBy", { name: meeting.speakerInvitedBy })})`
                  : ""}
                {meeting.speakerBriefed ? (
                  <span className="ml-2">
                    <Tag>{t("meeting.speakerBriefed.short")}</Tag>
                  </span>
                ) : null}
                {meeting.speakerNote ? (
                  <p className="text-sm text-slate-700">{meeting.speakerNote}</p>
                ) : null}
              </dd>
            </>
          ) : null}
          <dt className="font-medium">{t("meeting.preparers")}</dt>
          <dd>{loaderData.preparers.map((p) => p.name).join(", ") || "—"}</dd>
          {meeting.nextTheme ? (
            <>
              <dt className="font-medium">{t("meeting.nextTheme")}</dt>
              <dd>{meeting.nextTheme}</dd>
            </>
          ) : null}
        </dl>
      </Card>

      <Card>
        <h2 className="text-lg font-semibold">{t("meeting.programme")}</h2>
        {loaderData.programme.length ? (
          <ol className="mt-2 list-decimal pl-6">
            {loaderData.programme.map((item) => (
              <li key={item.id}>{item.title}</li>
            ))}
          </ol>
        ) : (
          <EmptyState>{t("meeting.programme.empty")}</EmptyState>
        )}
        {can.editProgramme ? (
          <Form method="post" noValidate className="mt-4 flex flex-col gap-3">
            <input type="hidden" name="intent" value="programme" />
            <ErrorSummary errors={errorsFor("programme")} />
            <TextAreaField
              name="programme"
              label={t("meeting.programme.edit")}
              hint={t("meeting.programme.hint")}
              rows={6}
              error={errorsFor("programme")?.programme}
              defaultValue={valueFor(
                "programme",
                "programme",
                loaderData.programme.map((p) => p.title).join("\n"),
              )}
            />
            <div>
              <SubmitButton>{t("meeting.programme.save")}</SubmitButton>
            </div>
          </Form>
        ) : null}
        {can.plan ? (
          <Form method="post" className="mt-4 flex flex-col gap-3">
            <input type="hidden" name="intent" value="preparers" />
            <ErrorSummary errors={errorsFor("preparers")} />
            <CheckboxGroup
              name="preparers"
              legend={t("meeting.preparers.choose")}
              error={errorsFor("preparers")?.preparers}
              selected={loaderData.preparers.map((p) => p.userId)}
              options={loaderData.members.map((m) => ({ value: m.userId, label: m.name }))}
            />
            <div>
              <SubmitButton variant="secondary">{t("meeting.preparers.save")}</SubmitButton>
            </div>
          </Form>
        ) : null}
      </Card>

      {loaderData.cases ? (
        <Card>
          <h2 className="text-lg font-semibold">{t("meeting.cases")}</h2>
          <p className="text-sm text-slate-700">{t("meeting.cases.private")}</p>
          {loaderData.cases.length ? (
            <ul className="mt-3 flex flex-col gap-3">
              {loaderData.cases.map((item) => (
                <li key={item.id} className="rounded-md border border-slate-300 p-3">
                  <h3 className="font-semibold">{item.title}</h3>
                  <p className="text-sm text-slate-700">
                    {t("meeting.case.by", { name: item.authorName })}
                  </p>
                  <p className="mt-1 whitespace-pre-line">{item.description}</p>
                  <p className="mt-1">
                    <span className="font-medium">{t("meeting.case.question")}:</span>{" "}
                    {item.question}
                  </p>
                  {item.authorId === loaderData.me || can.plan ? (
                    <Form method="post" className="mt-2">
                      <input type="hidden" name="intent" value="delete-case" />
                      <input type="hidden" name="caseId" value={item.id} />
                      <SubmitButton variant="secondary">{t("meeting.case.delete")}</SubmitButton>
                    </Form>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            <EmptyState>{t("meeting.cases.empty")}</EmptyState>
          )}
          {can.addCase && !meeting.cancelledAt ? (
            <Form method="post" noValidate className="mt-4 flex flex-col gap-3">
              <h3 className="font-semibold">{t("meeting.case.add")}</h3>
              <input type="hidden" name="intent" value="case" />
              <ErrorSummary errors={errorsFor("case")} />
              <TextField
                name="title"
                label={t("meeting.case.title")}
                required
                error={errorsFor("case")?.title}
                defaultValue={valueFor("case", "title", "")}
              />
              <TextAreaField
                name="description"
                label={t("meeting.case.description")}
                required
                rows={4}
                error={errorsFor("case")?.description}
                defaultValue={valueFor("case", "description", "")}
              />
              <TextField
                name="question"
                label={t("meeting.case.question")}
                required
                error={errorsFor("case")?.question}
                defaultValue={valueFor("case", "question", "")}
              />
              <div>
                <SubmitButton>{t("meeting.case.save")}</SubmitButton>
              </div>
            </Form>
          ) : null}
        </Card>
      ) : null}

      {loaderData.topics.length ? (
        <Card>
          <h2 className="text-lg font-semibold">{t("meeting.topics")}</h2>
          <ul className="mt-2 flex flex-col gap-1">
            {loaderData.topics.map((topic) => (
              <li key={topic.id}>
                <Link
                  to={`/netwerken/${loaderData.network.id}/discussie/${topic.id}`}
                  className="text-accent-700 underline"
                >
                  {topic.title}
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}

      {can.plan ? (
        <Card>
          <h2 className="text-lg font-semibold">{t("meeting.nextTheme")}</h2>
          <p className="text-sm text-slate-700">{t("meeting.nextTheme.hint")}</p>
          <Form method="post" noValidate className="mt-3 flex flex-col gap-3">
            <input type="hidden" name="intent" value="next-theme" />
            <TextField
              name="nextTheme"
              label={t("meeting.nextTheme.label")}
              required
              error={errorsFor("next-theme")?.nextTheme}
              defaultValue={valueFor("next-theme", "nextTheme", meeting.nextTheme)}
            />
            <div>
              <SubmitButton variant="secondary">{t("meeting.nextTheme.save")}</SubmitButton>
            </div>
          </Form>
        </Card>
      ) : null}

      <Card>
        <h2 className="text-lg font-semibold">{t("meeting.attendance")}</h2>
        {can.recordAttendance && !loaderData.started ? (
          <p className="mt-2">{t("meeting.attendance.notStarted")}</p>
        ) : can.recordAttendance ? (
          <Form method="post" className="mt-3 flex flex-col gap-3">
            <input type="hidden" name="intent" value="attendance" />
            <ErrorSummary errors={errorsFor("attendance")} />
            {errorsFor("attendance")?.attendance ? (
              <p className="text-sm font-medium text-red-700">
                {t(errorsFor("attendance")?.attendance ?? "")}
              </p>
            ) : null}
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">{t("meeting.attendance")}</caption>
                <thead className="bg-slate-100">
                  <tr>
                    <th scope="col" className="p-2">
                      {t("net.members.col.name")}
                    </th>
                    {attendanceStatuses.map((status) => (
                      <th key={status} scope="col" className="p-2">
                        {t(`attendance.${status}`)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {loaderData.members.map((member) => (
                    <tr key={member.userId} className="border-t border-slate-200">
                      <th scope="row" className="p-2 font-normal">
                        {member.name}
                      </th>
                      {member.joinedAfter && member.joinedAt ? (
                        <td colSpan={attendanceStatuses.length} className="p-2">
                          <CaughtUpFields
                            member={{ ...member, joinedAt: member.joinedAt }}
                            reason={
                              attendanceErrors
                                ? valueFor("attendance", `reason-${member.userId}`)
                                : (caughtUpOf.get(member.userId) ?? "")
                            }
                            checked={
                              attendanceErrors
                                ? valueFor("attendance", `caught-${member.userId}`) === "1"
                                : caughtUpOf.has(member.userId)
                            }
                            error={
                              attendanceErrors?.[`reason-${member.userId}`] ??
                              attendanceErrors?.[`a-${member.userId}`]
                            }
                          />
                        </td>
                      ) : (
                        attendanceStatuses.map((status) => (
                          <td key={status} className="p-2">
                            <input
                              type="radio"
                              name={`a-${member.userId}`}
                              value={status}
                              defaultChecked={attendanceOf.get(member.userId) === status}
                              aria-label={`${member.name}: ${t(`attendance.${status}`)}`}
                              className="size-4"
                            />
                          </td>
                        ))
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div>
              <SubmitButton>{t("meeting.attendance.save")}</SubmitButton>
            </div>
          </Form>
        ) : (
          <p className="mt-2">
            {attendanceOf.get(loaderData.me)
              ? t("meeting.attendance.mine", {
                  status: t(`attendance.${attendanceOf.get(loaderData.me)}`),
                })
              : t("meeting.attendance.none")}
          </p>
        )}
      </Card>
    </div>
  );
}

/** A member who enrolled after the meeting: only "caught up", with the reason, can count it. */
function CaughtUpFields({
  member,
  reason,
  checked,
  error,
}: {
  member: { userId: string; name: string; joinedAt: Date };
  reason: string;
  checked: boolean;
  error: string | undefined;
}) {
  const t = useT();
  const errorId = `reason-${member.userId}-error`;
  return (
    <div className="flex flex-col gap-1">
      <span className="text-slate-700">
        {t("meeting.attendance.joinedAfter", { date: formatDate(member.joinedAt, t.locale) })}
      </span>
      <label className="flex items-center gap-2">
        <input
          type="checkbox"
          name={`caught-${member.userId}`}
          value="1"
          defaultChecked={checked}
          className="size-4"
        />
        {`${member.name}: ${t("meeting.attendance.caughtUp")}`}
      </label>
      <label className="flex flex-col gap-1">
        <span>{`${t("meeting.attendance.caughtUpReason")} (${member.name})`}</span>
        <input
          type="text"
          name={`reason-${member.userId}`}
          defaultValue={reason}
          maxLength={300}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          className="rounded border border-slate-400 px-2 py-1"
        />
      </label>
      {error ? (
        <p id={errorId} className="text-sm font-medium text-red-700">
          {t(error)}
        </p>
      ) : null}
    </div>
  );
}
