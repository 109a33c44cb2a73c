import { data, Form, Link, redirect } from "react-router";
import { getDb } from "#app/db/client.server.ts";
import {
  addAgreement,
  addBuddyNote,
  assertInBuddyGroup,
  getBuddySpace,
  planBuddyMeeting,
  setAgreementDone,
} from "#app/modules/peergroups/buddies.server.ts";
import {
  agreementSchema,
  buddyMeetingSchema,
  noteSchema,
} from "#app/modules/peergroups/peergroups.schema.ts";
import { parseForm } from "#app/platform/forms.ts";
import {
  ErrorSummary,
  SubmitButton,
  TextAreaField,
  TextField,
  targetedForm,
} from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { Card, EmptyState, LockNote, Notice, PageHeader } from "#app/ui/layout.tsx";
import { RichText } from "#app/ui/rich-text.tsx";
import { withFieldErrors } from "../networks/network-helpers.server.ts";
import { baseUrl, noticeFrom, requestState, requireActor } from "../session.server.ts";
import type { Route } from "./+types/buddy-space";

export function meta() {
  return [{ title: "Maatjesgroep — Knooppunt" }];
}

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const actor = requireActor(context.get(requestState), request);
  const view = await getBuddySpace(await getDb(), actor, params.networkId, params.groupId);
  return {
    ...view,
    network: { id: view.network.id, name: view.network.name },
    notice: noticeFrom(request),
  };
}

export async function action({ context, params, request }: Route.ActionArgs) {
  const actor = requireActor(context.get(requestState), request);
  const db = await getDb();
  // Rights before the form: who is not in the group gets its 404, not field errors.
  await assertInBuddyGroup(db, actor, params.networkId, params.groupId);
  const formData = await request.formData();
  const path = `/netwerken/${params.networkId}/maatjes/${params.groupId}`;
  const link = `${baseUrl(request)}${path}`;
  const back = (notice: string) => redirect(`${path}?melding=${notice}`);
  const intent = String(formData.get("intent") ?? "");
  if (intent === "agreement-done" || intent === "agreement-open") {
    await setAgreementDone(
      db,
      actor,
      params.networkId,
      params.groupId,
      String(formData.get("agreementId") ?? ""),
      intent === "agreement-done",
    );
    return back("peer.saved");
  }
  if (intent === "agreement") {
    const form = parseForm(agreementSchema, formData);
    if (!form.ok)
      return data({ target: intent, errors: form.errors, values: form.values }, { status: 400 });
    await addAgreement(db, actor, params.networkId, params.groupId, form.data.text);
    return back("peer.saved");
  }
  if (intent === "meeting") {
    const form = parseForm(buddyMeetingSchema, formData);
    if (!form.ok)
      return data({ target: intent, errors: form.errors, values: form.values }, { status: 400 });
    const result = await withFieldErrors(() =>
      planBuddyMeeting(db, actor, params.networkId, params.groupId, form.data, link),
    );
    if (!result.ok)
      return data(
        { target: intent, errors: result.errors, values: Object.fromEntries(formData) },
        { status: 400 },
      );
    return back("peer.meetingPlanned");
  }
  const form = parseForm(noteSchema, formData);
  if (!form.ok)
    return data({ target: "note", errors: form.errors, values: form.values }, { status: 400 });
  await addBuddyNote(db, actor, params.networkId, params.groupId, form.data.body, link);
  return back("peer.noteSaved");
}

export default function BuddySpace({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { network, members, notes, agreements, meetings } = loaderData;
  const { errorsFor, valueFor } = targetedForm(actionData);
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
          <Form method="post" className="mt-2 flex flex-col gap-3">
            <input type="hidden" name="intent" value="note" />
            <ErrorSummary errors={errorsFor("note")} />
            <TextAreaField
              name="body"
              id="note-body"
              label={t("peer.newNote")}
              hint={t("discussion.formatHint")}
              required
              error={errorsFor("note")?.body}
              defaultValue={valueFor("note", "body")}
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
            <Form method="post" className="mt-3 flex flex-col gap-3">
              <input type="hidden" name="intent" value="agreement" />
              <TextField
                name="text"
                id="agreement-text"
                label={t("peer.newAgreement")}
                required
                error={errorsFor("agreement")?.text}
                defaultValue={valueFor("agreement", "text")}
              />
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
            <Form method="post" className="mt-3 flex flex-col gap-3">
              <input type="hidden" name="intent" value="meeting" />
              <ErrorSummary errors={errorsFor("meeting")} />
              <TextField
                name="day"
                type="date"
                label={t("peer.day")}
                required
                error={errorsFor("meeting")?.day}
                defaultValue={valueFor("meeting", "day")}
              />
              <div className="grid grid-cols-2 gap-3">
                <TextField
                  name="startTime"
                  type="time"
                  label={t("peer.start")}
                  required
                  error={errorsFor("meeting")?.startTime}
                  defaultValue={valueFor("meeting", "startTime")}
                />
                <TextField
                  name="endTime"
                  type="time"
                  label={t("peer.end")}
                  required
                  error={errorsFor("meeting")?.endTime}
                  defaultValue={valueFor("meeting", "endTime")}
                />
              </div>
              <TextField
                name="place"
                label={t("peer.place")}
                error={errorsFor("meeting")?.place}
                defaultValue={valueFor("meeting", "place")}
              />
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
