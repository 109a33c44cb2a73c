import { getFormProps } from "@conform-to/react";
import { Form, Link, redirect } from "react-router";
import {
  addAgreement,
  addBuddyNote,
  getBuddySpace,
  planBuddyMeeting,
  setAgreementDone,
} from "#app/modules/peergroups/buddies.server.ts";
import {
  type BuddySpaceForm,
  buddySpaceSchema,
} from "#app/modules/peergroups/peergroups.schema.ts";
import { ErrorSummary, SubmitButton, TextAreaField, TextField } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { fieldErrorsOf, fieldProps, useIntentForm } from "#app/ui/intent-form.ts";
import { Card, EmptyState, LockNote, Notice, PageHeader } from "#app/ui/layout.tsx";
import { pageTitle } from "#app/ui/page-title.ts";
import { RichText } from "#app/ui/rich-text.tsx";
import { handleIntents } from "../forms.server.ts";
import { withGroup } from "../pipeline.server.ts";
import { baseUrl, noticeFrom } from "../session.server.ts";
import type { Route } from "./+types/buddy-space";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.buddySpace");
}

export async function loader(args: Route.LoaderArgs) {
  return withGroup(args, "buddy", async ({ db, group }) => {
    const view = await getBuddySpace(db, group);
    return {
      ...view,
      network: { id: view.network.id, name: view.network.name },
      notice: noticeFrom(args.request),
    };
  });
}

// Who is not in the group never gets here: the group's layout answered them with its 404.
export async function action(args: Route.ActionArgs) {
  return withGroup(args, "buddy", async ({ db, network, group }) => {
    const path = `/netwerken/${network.id}/maatjes/${group.id}`;
    const link = `${baseUrl(args.request)}${path}`;
    const back = (notice: string) => redirect(`${path}?melding=${notice}`);
    return handleIntents(args.request, buddySpaceSchema, {
      note: async ({ body }) => {
        await addBuddyNote(db, group, body, link);
        return back("peer.noteSaved");
      },
      agreement: async ({ text }) => {
        await addAgreement(db, group, text);
        return back("peer.saved");
      },
      "agreement-done": async ({ agreementId }) => {
        await setAgreementDone(db, group, agreementId, true);
        return back("peer.saved");
      },
      "agreement-open": async ({ agreementId }) => {
        await setAgreementDone(db, group, agreementId, false);
        return back("peer.saved");
      },
      meeting: async (meeting) => {
        await planBuddyMeeting(db, group, meeting, link);
        return back("peer.meetingPlanned");
      },
    });
  });
}

type SpaceForm<I extends BuddySpaceForm["intent"]> = Extract<BuddySpaceForm, { intent: I }>;

export default function BuddySpace({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { network, members, notes, agreements, meetings } = loaderData;
  const [noteForm, note] = useIntentForm<SpaceForm<"note">>("note", actionData);
  const [agreementForm, agreement] = useIntentForm<SpaceForm<"agreement">>("agreement", actionData);
  const [meetingForm, meeting] = useIntentForm<SpaceForm<"meeting">>("meeting", actionData);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("peer.buddyTitle")} intro={members.map((m) => m.name).join(", ")}>
        <LockNote>{t("peer.confidential")}</LockNote>
        <Link to={`/netwerken/${network.id}/maatjes`} className="text-accent-700 underline">
          {t("peer.backToBuddies")}
        </Link>
      </PageHeader>
      {loaderData.notice ? <Notice tone="success">{t(loaderData.notice)}</Notice> : null}
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <h2 className="text-lg font-semibold">{t("peer.notes")}</h2>
          <Form method="post" {...getFormProps(noteForm)} className="mt-2 flex flex-col gap-3">
            <input type="hidden" name="intent" value="note" />
            <ErrorSummary errors={fieldErrorsOf(noteForm)} />
            <TextAreaField
              {...fieldProps(note.body)}
              label={t("peer.newNote")}
              hint={t("discussion.formatHint")}
              required
            />
            <div>
              <SubmitButton>{t("peer.saveNote")}</SubmitButton>
            </div>
          </Form>
          {notes.length ? (
            <ul className="mt-4 flex flex-col gap-3">
              {notes.map((note) => (
                <li key={note.id} className="rounded-md border border-slate-300 p-3">
                  <p className="text-sm text-slate-700">
                    {note.authorName ?? "?"} · {t.dateTime(note.createdAt)}
                  </p>
                  <RichText text={note.body} />
                </li>
              ))}
            </ul>
          ) : (
            <EmptyState>{t("peer.noNotes")}</EmptyState>
          )}
        </Card>
        <div className="flex flex-col gap-6">
          <Card>
            <h2 className="text-lg font-semibold">{t("peer.agreements")}</h2>
            {agreements.length ? (
              <ul className="mt-2 flex flex-col gap-2">
                {agreements.map((agreement) => (
                  <li key={agreement.id} className="flex flex-wrap items-center gap-3">
                    <span className={agreement.doneAt ? "line-through" : ""}>{agreement.text}</span>
                    <Form method="post">
                      <input type="hidden" name="agreementId" value={agreement.id} />
                      <input
                        type="hidden"
                        name="intent"
                        value={agreement.doneAt ? "agreement-open" : "agreement-done"}
                      />
                      <SubmitButton variant="secondary">
                        {t(agreement.doneAt ? "peer.reopen" : "peer.done", {
                          text: agreement.text,
                        })}
                      </SubmitButton>
                    </Form>
                  </li>
                ))}
              </ul>
            ) : (
              <EmptyState>{t("peer.noAgreements")}</EmptyState>
            )}
            <Form
              method="post"
              {...getFormProps(agreementForm)}
              className="mt-3 flex flex-col gap-3"
            >
              <input type="hidden" name="intent" value="agreement" />
              <TextField {...fieldProps(agreement.text)} label={t("peer.newAgreement")} required />
              <div>
                <SubmitButton variant="secondary">{t("peer.addAgreement")}</SubmitButton>
              </div>
            </Form>
          </Card>
          <Card>
            <h2 className="text-lg font-semibold">{t("peer.meetings")}</h2>
            {meetings.length ? (
              <ul className="mt-2 flex flex-col gap-2">
                {meetings.map((meeting) => (
                  <li key={meeting.id}>
                    {t.range(meeting.startsAt, meeting.endsAt)}
                    {meeting.place ? ` · ${meeting.place}` : ""}
                  </li>
                ))}
              </ul>
            ) : (
              <EmptyState>{t("peer.noMeetings")}</EmptyState>
            )}
            {meetings.length ? (
              <a
                href={`/netwerken/${network.id}/maatjes/${loaderData.groupId}/agenda.ics`}
                className="mt-2 inline-block text-accent-700 underline"
              >
                {t("peer.ics")}
              </a>
            ) : null}
            <Form method="post" {...getFormProps(meetingForm)} className="mt-3 flex flex-col gap-3">
              <input type="hidden" name="intent" value="meeting" />
              <ErrorSummary errors={fieldErrorsOf(meetingForm)} />
              <TextField {...fieldProps(meeting.day)} type="date" label={t("peer.day")} required />
              <div className="grid grid-cols-2 gap-3">
                <TextField
                  {...fieldProps(meeting.startTime)}
                  type="time"
                  label={t("peer.start")}
                  required
                />
                <TextField
                  {...fieldProps(meeting.endTime)}
                  id="endTime"
                  type="time"
                  label={t("peer.end")}
                  required
                />
              </div>
              <TextField {...fieldProps(meeting.place)} label={t("peer.place")} />
              <div>
                <SubmitButton variant="secondary">{t("peer.plan")}</SubmitButton>
              </div>
            </Form>
          </Card>
        </div>
      </div>
    </div>
  );
}
