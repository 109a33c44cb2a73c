import { Form, Link, redirect } from "react-router";
import { MeetingForm } from "#app/modules/meetings/components/meeting-form.tsx";
import { meetingEditPageSchema } from "#app/modules/meetings/meetings.schema.ts";
import {
  assertMeetingRight,
  cancelMeeting,
  getMeeting,
  updateMeeting,
} from "#app/modules/meetings/meetings.server.ts";
import { authorize } from "#app/platform/errors.ts";
import { SubmitButton } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { Card, PageHeader } from "#app/ui/layout.tsx";
import { pageTitle } from "#app/ui/page-title.ts";
import { handleIntents } from "../forms.server.ts";
import { withNetworkActor } from "../pipeline.server.ts";
import { baseUrl } from "../session.server.ts";
import type { Route } from "./+types/meeting-edit";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.meetingEdit");
}

export async function loader(args: Route.LoaderArgs) {
  return withNetworkActor(args, async ({ db, network }) => {
    const view = await getMeeting(db, network, args.params.meetingId);
    authorize(view.can.plan);
    return { network: { id: view.network.id, name: view.network.name }, meeting: view.meeting };
  });
}

export async function action(args: Route.ActionArgs) {
  return withNetworkActor(args, async ({ db, network }) => {
    const { meetingId } = args.params;
    // Rights before the form: someone without them gets the 403, not field errors.
    await assertMeetingRight(db, network, meetingId, "plan");
    const mail = { baseUrl: baseUrl(args.request) };
    const back = `/netwerken/${network.id}/bijeenkomsten/${meetingId}`;
    return handleIntents(args.request, meetingEditPageSchema, {
      save: async ({ intent: _intent, ...input }) => {
        await updateMeeting(db, network, meetingId, input, mail);
        return redirect(`${back}?melding=meeting.saved`);
      },
      cancel: async () => {
        await cancelMeeting(db, network, meetingId, mail);
        return redirect(`${back}?melding=meeting.cancelled.done`);
      },
    });
  });
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
          actionData={actionData}
          intent="save"
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
