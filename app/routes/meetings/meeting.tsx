import { Link, redirect } from "react-router";
import { formatRange } from "#app/i18n/dates.ts";
import { topicsForMeeting } from "#app/modules/discussion/discussion.server.ts";
import { AttendancePanel } from "#app/modules/meetings/components/attendance-panel.tsx";
import { CasesPanel } from "#app/modules/meetings/components/cases-panel.tsx";
import {
  NextThemePanel,
  ProgrammePanel,
} from "#app/modules/meetings/components/programme-panel.tsx";
import { canViewMeetings } from "#app/modules/meetings/meetings.policy.ts";
import { attendanceFromForm, meetingPageSchema } from "#app/modules/meetings/meetings.schema.ts";
import { assertMeetingRight, getMeeting } from "#app/modules/meetings/meetings.server.ts";
import {
  addCase,
  deleteCase,
  recordNextTheme,
  saveProgramme,
  setPreparers,
} from "#app/modules/meetings/programme.server.ts";
import { requireNetworkRight } from "#app/modules/networks/network-access.server.ts";
import { recordAttendanceWithProgress } from "#app/modules/progress/completion.server.ts";
import { useT } from "#app/ui/i18n.tsx";
import { Card, LockNote, Notice, PageHeader, Tag } from "#app/ui/layout.tsx";
import { pageTitle } from "#app/ui/page-title.ts";
import { handleIntents } from "../forms.server.ts";
import { withNetworkActor } from "../pipeline.server.ts";
import { noticeFrom } from "../session.server.ts";
import type { Route } from "./+types/meeting";

export function meta({ loaderData, matches }: Route.MetaArgs) {
  return loaderData
    ? pageTitle(matches, "pageTitle.meetingOf", { network: loaderData.network.name })
    : pageTitle(matches, "pageTitle.meeting");
}

export async function loader(args: Route.LoaderArgs) {
  return withNetworkActor(args, async ({ db, actor, network }) => {
    const { meetingId } = args.params;
    const view = await getMeeting(db, network, meetingId);
    return {
      ...view,
      topics: await topicsForMeeting(db, network, meetingId),
      network: { id: view.network.id, name: view.network.name },
      me: actor.userId,
      notice: noticeFrom(args.request),
    };
  });
}

/** The right each form of the meeting page needs; its command checks the same again. */
const rightFor = {
  programme: "programme",
  preparers: "plan",
  case: "cases",
  "delete-case": "cases",
  "next-theme": "plan",
  attendance: "attendance",
} as const;

export async function action(args: Route.ActionArgs) {
  return withNetworkActor(args, async ({ db, network }) => {
    const { meetingId } = args.params;
    // Someone who may not see the meetings learns nothing of this page's forms, not even their names.
    requireNetworkRight(network, canViewMeetings, "not-found");
    const here = (notice: string) =>
      redirect(`/netwerken/${network.id}/bijeenkomsten/${meetingId}?melding=${notice}`);
    return handleIntents(
      args.request,
      meetingPageSchema,
      {
        programme: async ({ programme }) => {
          await saveProgramme(db, network, meetingId, programme);
          return here("meeting.programme.saved");
        },
        preparers: async ({ preparers }) => {
          await setPreparers(db, network, meetingId, preparers);
          return here("meeting.preparers.saved");
        },
        case: async ({ intent: _intent, ...item }) => {
          await addCase(db, network, meetingId, item);
          return here("meeting.case.saved");
        },
        "delete-case": async ({ caseId }) => {
          await deleteCase(db, network, meetingId, caseId);
          return here("meeting.case.deleted");
        },
        "next-theme": async ({ nextTheme }) => {
          await recordNextTheme(db, network, meetingId, nextTheme);
          return here("meeting.nextTheme.saved");
        },
        attendance: async (form) => {
          const { records, caughtUp } = attendanceFromForm(form);
          await recordAttendanceWithProgress(db, network, meetingId, records, caughtUp);
          return here("meeting.attendance.saved");
        },
      },
      {
        // Rights before the form: who may not see the meeting gets the 404, who may not do this
        // the 403.
        authorize: (intent) => assertMeetingRight(db, network, meetingId, rightFor[intent]),
      },
    );
  });
}

export default function MeetingPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { network, meeting, can } = loaderData;
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

      <ProgrammePanel
        programme={loaderData.programme}
        preparers={loaderData.preparers}
        members={loaderData.members}
        canEdit={can.editProgramme}
        canPlan={can.plan}
        actionData={actionData}
      />
      {loaderData.cases ? (
        <CasesPanel
          cases={loaderData.cases}
          me={loaderData.me}
          canPlan={can.plan}
          canAdd={can.addCase && !meeting.cancelledAt}
          actionData={actionData}
        />
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

      {can.plan ? <NextThemePanel nextTheme={meeting.nextTheme} actionData={actionData} /> : null}
      <AttendancePanel
        members={loaderData.members}
        attendance={loaderData.attendance}
        me={loaderData.me}
        canRecord={can.recordAttendance}
        started={loaderData.started}
        actionData={actionData}
      />
    </div>
  );
}
