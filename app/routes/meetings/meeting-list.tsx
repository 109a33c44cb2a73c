import { data, Form, Link, redirect } from "react-router";
import { getDb } from "#app/db/client.server.ts";
import { formatRange } from "#app/i18n/dates.ts";
import { seriesSchema } from "#app/modules/meetings/meetings.schema.ts";
import {
  assertCanPlanMeetings,
  createSeries,
  listMeetings,
} from "#app/modules/meetings/meetings.server.ts";
import { parseForm } from "#app/platform/forms.ts";
import { ErrorSummary, SubmitButton, TextField } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { Card, EmptyState, Notice, PageHeader, Tag } from "#app/ui/layout.tsx";
import { withFieldErrors } from "../networks/network-helpers.server.ts";
import { noticeFrom, requestState, requireActor } from "../session.server.ts";
import type { Route } from "./+types/meeting-list";
import { PlaceFields } from "./meeting-form.tsx";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: `Bijeenkomsten — ${loaderData?.network.name ?? ""} — Knooppunt` }];
}

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const actor = requireActor(context.get(requestState), request);
  const view = await listMeetings(await getDb(), actor, params.networkId);
  return {
    network: {
      id: view.network.id,
      name: view.network.name,
      startDate: view.network.startDate,
      endDate: view.network.endDate,
    },
    meetings: view.meetings,
    canPlan: view.canPlan,
    notice: noticeFrom(request),
  };
}

export async function action({ context, params, request }: Route.ActionArgs) {
  const actor = requireActor(context.get(requestState), request);
  const db = await getDb();
  // Rights before the form: someone without them gets the 403, not field errors.
  await assertCanPlanMeetings(db, actor, params.networkId);
  const formData = await request.formData();
  const form = parseForm(seriesSchema, formData);
  if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
  const result = await withFieldErrors(() => createSeries(db, actor, params.networkId, form.data));
  if (!result.ok)
    return data({ errors: result.errors, values: Object.fromEntries(formData) }, { status: 400 });
  return redirect(`/netwerken/${params.networkId}/bijeenkomsten?melding=meeting.series.saved`);
}

export default function MeetingList({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { network, meetings } = loaderData;
  const errors = actionData?.errors as Record<string, string> | undefined;
  const values = actionData?.values as Record<string, string> | undefined;
  const now = Date.now();
  const upcoming = meetings.filter((m) => new Date(m.endsAt).getTime() >= now);
  const past = meetings.filter((m) => new Date(m.endsAt).getTime() < now);
  const row = (meeting: (typeof meetings)[number]) => (
    <li
      key={meeting.id}
      className="flex flex-col gap-1 border-t border-slate-200 py-3 first:border-t-0"
    >
      <Link
        to={`/netwerken/${network.id}/bijeenkomsten/${meeting.id}`}
        className="font-semibold text-accent-700 underline"
      >
        {formatRange(meeting.startsAt, meeting.endsAt, t.locale)}
        {meeting.theme ? ` · ${meeting.theme}` : ""}
      </Link>
      <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
        {meeting.cancelledAt ? <Tag>{t("meeting.cancelled")}</Tag> : null}
        {meeting.isClosing ? <Tag>{t("meeting.closing")}</Tag> : null}
        <span>{meeting.mode === "online" ? t("meeting.mode.online") : meeting.address}</span>
        {meeting.speakerName ? (
          <span>· {t("meeting.speakerShort", { name: meeting.speakerName })}</span>
        ) : null}
        {meeting.caseCount ? (
          <span>· {t("meeting.caseCount", { count: meeting.caseCount })}</span>
        ) : null}
        {meeting.myAttendance ? <span>· {t(`attendance.${meeting.myAttendance}`)}</span> : null}
      </p>
    </li>
  );
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("meeting.list.title")} intro={network.name}>
        <div className="flex flex-wrap gap-4">
          <Link to={`/netwerken/${network.id}`} className="text-accent-700 underline">
            {t("net.enrol.back")}
          </Link>
          {loaderData.canPlan ? (
            <Link
              to={`/netwerken/${network.id}/bijeenkomsten/nieuw`}
              className="text-accent-700 underline"
            >
              {t("meeting.new")}
            </Link>
          ) : null}
        </div>
      </PageHeader>
      {loaderData.notice ? <Notice tone="success">{t(loaderData.notice)}</Notice> : null}
      <Card>
        <h2 className="text-lg font-semibold">{t("meeting.upcoming")}</h2>
        {upcoming.length ? (
          <ul className="mt-2">{upcoming.map(row)}</ul>
        ) : (
          <EmptyState>{t("meeting.none")}</EmptyState>
        )}
      </Card>
      {past.length ? (
        <Card>
          <h2 className="text-lg font-semibold">{t("meeting.past")}</h2>
          <ul className="mt-2">{past.map(row)}</ul>
        </Card>
      ) : null}
      {loaderData.canPlan ? (
        <Card>
          <h2 className="text-lg font-semibold">{t("meeting.series.title")}</h2>
          <p className="mb-3 text-sm text-slate-700">
            {t("meeting.series.intro")}
            {network.startDate || network.endDate
              ? ` ${t("meeting.series.period", { start: network.startDate ? t.date(network.startDate) : "—", end: network.endDate ? t.date(network.endDate) : "—" })}`
              : ""}
          </p>
          <Form method="post" noValidate className="flex flex-col gap-4">
            <ErrorSummary errors={errors} />
            <div className="grid gap-4 sm:grid-cols-2">
              <TextField
                name="firstDay"
                type="date"
                label={t("meeting.series.firstDay")}
                required
                error={errors?.firstDay}
                defaultValue={values?.firstDay ?? ""}
              />
              <TextField
                name="count"
                label={t("meeting.series.count")}
                required
                error={errors?.count}
                defaultValue={values?.count ?? "10"}
              />
              <TextField
                name="intervalWeeks"
                label={t("meeting.series.interval")}
                required
                error={errors?.intervalWeeks}
                defaultValue={values?.intervalWeeks ?? "4"}
              />
              <TextField
                name="startTime"
                type="time"
                label={t("meeting.startTime")}
                required
                error={errors?.startTime}
                defaultValue={values?.startTime ?? "08:30"}
              />
              <TextField
                name="endTime"
                type="time"
                label={t("meeting.endTime")}
                required
                error={errors?.endTime}
                defaultValue={values?.endTime ?? "12:30"}
              />
            </div>
            <label className="flex items-center gap-2">
              <input
                type="checkbox"
                name="spansNextDay"
                className="size-4"
                defaultChecked={values?.spansNextDay === "on"}
              />
              {t("meeting.series.spansNextDay")}
            </label>
            <PlaceFields
              errors={errors}
              value={(name) => values?.[name] ?? (name === "mode" ? "location" : "")}
            />
            <div>
              <SubmitButton>{t("meeting.series.save")}</SubmitButton>
            </div>
          </Form>
        </Card>
      ) : null}
    </div>
  );
}
