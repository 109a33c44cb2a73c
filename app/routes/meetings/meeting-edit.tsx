import { data, Form, Link, redirect } from "react-router";
import { getDb } from "#app/db/client.server.ts";
import { meetingSchema } from "#app/modules/meetings/meetings.schema.ts";
import {
  assertMeetingRight,
  cancelMeeting,
  getMeeting,
  updateMeeting,
} from "#app/modules/meetings/meetings.server.ts";
import { parseForm } from "#app/platform/forms.ts";
import { authorize } from "#app/platform/http.server.ts";
import { SubmitButton } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { Card, PageHeader } from "#app/ui/layout.tsx";
import { withFieldErrors } from "../networks/network-helpers.server.ts";
import { baseUrl, requestState, requireActor } from "../session.server.ts";
import type { Route } from "./+types/meeting-edit";
import { MeetingForm } from "./meeting-form.tsx";

export function meta() {
  return [{ title: "Bijeenkomst wijzigen — Knooppunt" }];
}

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const actor = requireActor(context.get(requestState), request);
  const view = await getMeeting(await getDb(), actor, params.networkId, params.meetingId);
  authorize(view.can.plan);
  return { network: { id: view.network.id, name: view.network.name }, meeting: view.meeting };
}

export async function action({ context, params, request }: Route.ActionArgs) {
  const actor = requireActor(context.get(requestState), request);
  const db = await getDb();
  // Rights before the form: someone without them gets the 403, not field errors.
  await assertMeetingRight(db, actor, params.networkId, params.meetingId, "plan");
  const formData = await request.formData();
  const mail = { baseUrl: baseUrl(request) };
  const back = `/netwerken/${params.networkId}/bijeenkomsten/${params.meetingId}`;
  if (formData.get("intent") === "cancel") {
    await cancelMeeting(db, actor, params.networkId, params.meetingId, mail);
    return redirect(`${back}?melding=meeting.cancelled.done`);
  }
  const form = parseForm(meetingSchema, formData);
  if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
  const result = await withFieldErrors(() =>
    updateMeeting(db, actor, params.networkId, params.meetingId, form.data, mail),
  );
  if (!result.ok)
    return data({ errors: result.errors, values: Object.fromEntries(formData) }, { status: 400 });
  return redirect(`${back}?melding=meeting.saved`);
}

export default function MeetingEdit({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { network, meeting } = loaderData;
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <PageHeader title={t("meeting.edit")} intro={network.name}>
        <Link
          to={`/netwerken/${network.id}/bijeenkomsten/${meeting.id}`}
          className="text-accent-700 underline"
        >
          {t("meeting.backToMeeting")}
        </Link>
      </PageHeader>
      <Card>
        <p className="mb-3 text-sm text-slate-700">{t("meeting.edit.notify")}</p>
        <MeetingForm
          meeting={meeting}
          errors={actionData?.errors as Record<string, string> | undefined}
          values={actionData?.values as Record<string, unknown> | undefined}
          submitLabel={t("meeting.save")}
        />
      </Card>
      {meeting.cancelledAt ? null : (
        <Card>
          <h2 className="text-lg font-semibold">{t("meeting.cancel")}</h2>
          <p className="mb-3 text-sm text-slate-700">{t("meeting.cancel.hint")}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="cancel" />
            <SubmitButton variant="danger">{t("meeting.cancel")}</SubmitButton>
          </Form>
        </Card>
      )}
    </div>
  );
}
