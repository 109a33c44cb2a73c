import { getFormProps } from "@conform-to/react";
import { CalendarPlus } from "lucide-react";
import { Form, Link, redirect } from "react-router";
import { formatRange } from "#app/i18n/dates.ts";
import { attendanceLabel } from "#app/i18n/labels.ts";
import { PlaceFields } from "#app/modules/meetings/components/meeting-form.tsx";
import { type SeriesForm, seriesSchema } from "#app/modules/meetings/meetings.schema.ts";
import {
  createSeries,
  listMeetings,
  requireCanPlanMeetings,
} from "#app/modules/meetings/meetings.server.ts";
import { LinkButton } from "#app/ui/button.tsx";
import { ErrorSummary, SubmitButton, TextField } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { fieldErrorsOf, fieldProps, useIntentForm } from "#app/ui/intent-form.ts";
import { Card, EmptyState, Notice, PageHeader, Tag } from "#app/ui/layout.tsx";
import { pageTitle } from "#app/ui/page-title.ts";
import { handleForm } from "../forms.server.ts";
import { withNetworkActor } from "../pipeline.server.ts";
import { noticeFrom } from "../session.server.ts";
import type { Route } from "./+types/meeting-list";

export function meta({ loaderData, matches }: Route.MetaArgs) {
  return loaderData
    ? pageTitle(matches, "pageTitle.meetingsOf", { network: loaderData.network.name })
    : pageTitle(matches, "pageTitle.meetings");
}

export async function loader(args: Route.LoaderArgs) {
  return withNetworkActor(args, async ({ db, network }) => {
    const view = await listMeetings(db, network);
    return {
      network: {
        id: view.network.id,
        name: view.network.name,
        startDate: view.network.startDate,
        endDate: view.network.endDate,
      },
      meetings: view.meetings,
      canPlan: view.canPlan,
      notice: noticeFrom(args.request),
    };
  });
}

export async function action(args: Route.ActionArgs) {
  return withNetworkActor(args, async ({ db, network }) => {
    // Rights before the form: someone without them gets the 403, not field errors.
    requireCanPlanMeetings(network);
    return handleForm(args.request, seriesSchema, async (series) => {
      await createSeries(db, network, series);
      return redirect(`/netwerken/${network.id}/bijeenkomsten?melding=meeting.series.saved`);
    });
  });
}

export default function MeetingList({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { network, meetings } = loaderData;
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
        {meeting.myAttendance ? <span>· {t(attendanceLabel[meeting.myAttendance])}</span> : null}
      </p>
    </li>
  );
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={t("meeting.list.title")}
        context={network.name}
        action={
          loaderData.canPlan ? (
            <LinkButton
              to={`/netwerken/${network.id}/bijeenkomsten/nieuw`}
              icon={<CalendarPlus aria-hidden="true" className="size-5" />}
            >
              {t("meeting.new")}
            </LinkButton>
          ) : null
        }
      >
        <p>
          <Link to={`/netwerken/${network.id}`} className="text-accent-700 underline">
            {t("net.enrol.back")}
          </Link>
        </p>
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
          <SeriesFormCard actionData={actionData} />
        </Card>
      ) : null}
    </div>
  );
}

/** A year of meetings at a fixed rhythm, for the planners. */
function SeriesFormCard({ actionData }: { actionData: unknown }) {
  const t = useT();
  const [form, fields] = useIntentForm<SeriesForm>("", actionData, {
    id: "series",
    defaultValue: {
      count: "10",
      intervalWeeks: "4",
      startTime: "08:30",
      endTime: "12:30",
      mode: "location",
    },
  });
  return (
    <Form method="post" {...getFormProps(form)} className="flex flex-col gap-4">
      <ErrorSummary errors={fieldErrorsOf(form)} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          type="date"
          label={t("meeting.series.firstDay")}
          required
          {...fieldProps(fields.firstDay)}
        />
        <TextField label={t("meeting.series.count")} required {...fieldProps(fields.count)} />
        <TextField
          label={t("meeting.series.interval")}
          required
          {...fieldProps(fields.intervalWeeks)}
        />
        <TextField
          type="time"
          label={t("meeting.startTime")}
          required
          {...fieldProps(fields.startTime)}
        />
        <TextField
          type="time"
          label={t("meeting.endTime")}
          required
          {...fieldProps(fields.endTime)}
        />
      </div>
      <label className="flex items-center gap-2">
        <input
          type="checkbox"
          name="spansNextDay"
          className="size-4"
          defaultChecked={fields.spansNextDay.initialValue === "on"}
        />
        {t("meeting.series.spansNextDay")}
      </label>
      <PlaceFields mode={fields.mode} address={fields.address} onlineUrl={fields.onlineUrl} />
      <div>
        <SubmitButton>{t("meeting.series.save")}</SubmitButton>
      </div>
    </Form>
  );
}
