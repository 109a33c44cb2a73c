import { Link, redirect } from "react-router";
import { MeetingForm } from "#app/modules/meetings/components/meeting-form.tsx";
import { canViewMeetings } from "#app/modules/meetings/meetings.policy.ts";
import { meetingSchema } from "#app/modules/meetings/meetings.schema.ts";
import { createMeeting, requireCanPlanMeetings } from "#app/modules/meetings/meetings.server.ts";
import { requireNetworkRight } from "#app/modules/networks/network-access.server.ts";
import { useT } from "#app/ui/i18n.tsx";
import { Card, PageHeader } from "#app/ui/layout.tsx";
import { pageTitle } from "#app/ui/page-title.ts";
import { handleForm } from "../forms.server.ts";
import { withNetworkActor } from "../pipeline.server.ts";
import type { Route } from "./+types/meeting-new";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.meetingNew");
}

export async function loader(args: Route.LoaderArgs) {
  return withNetworkActor(args, async ({ network }) => {
    // Who may not see the meetings gets the 404 first, who may not plan them the 403.
    requireNetworkRight(network, canViewMeetings, "not-found");
    requireCanPlanMeetings(network);
    return { network: { id: network.id, name: network.network.name } };
  });
}

export async function action(args: Route.ActionArgs) {
  return withNetworkActor(args, async ({ db, network }) => {
    // Rights before the form: someone without them gets the 403, not field errors.
    requireCanPlanMeetings(network);
    return handleForm(args.request, meetingSchema, async (input) => {
      const id = await createMeeting(db, network, input);
      return redirect(`/netwerken/${network.id}/bijeenkomsten/${id}?melding=meeting.saved`);
    });
  });
}

export default function MeetingNew({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <PageHeader title={t("meeting.new")} intro={loaderData.network.name}>
        <Link
          to={`/netwerken/${loaderData.network.id}/bijeenkomsten`}
          className="text-accent-700 underline"
        >
          {t("meeting.backToList")}
        </Link>
      </PageHeader>
      <Card>
        <MeetingForm actionData={actionData} submitLabel={t("meeting.save")} />
      </Card>
    </div>
  );
}
