import { data, Link, redirect } from "react-router";
import { getDb } from "#app/db/client.server.ts";
import { meetingSchema } from "#app/modules/meetings/meetings.schema.ts";
import {
  assertCanPlanMeetings,
  createMeeting,
  listMeetings,
} from "#app/modules/meetings/meetings.server.ts";
import { parseForm } from "#app/platform/forms.ts";
import { authorize } from "#app/platform/http.server.ts";
import { useT } from "#app/ui/i18n.tsx";
import { Card, PageHeader } from "#app/ui/layout.tsx";
import { withFieldErrors } from "../networks/network-helpers.server.ts";
import { requestState, requireActor } from "../session.server.ts";
import type { Route } from "./+types/meeting-new";
import { MeetingForm } from "./meeting-form.tsx";

export function meta() {
  return [{ title: "Nieuwe bijeenkomst — Knooppunt" }];
}

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const actor = requireActor(context.get(requestState), request);
  const view = await listMeetings(await getDb(), actor, params.networkId);
  authorize(view.canPlan);
  return { network: { id: view.network.id, name: view.network.name } };
}

export async function action({ context, params, request }: Route.ActionArgs) {
  const actor = requireActor(context.get(requestState), request);
  const db = await getDb();
  // Rights before the form: someone without them gets the 403, not field errors.
  await assertCanPlanMeetings(db, actor, params.networkId);
  const formData = await request.formData();
  const form = parseForm(meetingSchema, formData);
  if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
  const result = await withFieldErrors(() => createMeeting(db, actor, params.networkId, form.data));
  if (!result.ok)
    return data({ errors: result.errors, values: Object.fromEntries(formData) }, { status: 400 });
  return redirect(
    `/netwerken/${params.networkId}/bijeenkomsten/${result.value}?melding=meeting.saved`,
  );
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
        <MeetingForm
          errors={actionData?.errors as Record<string, string> | undefined}
          values={actionData?.values as Record<string, unknown> | undefined}
          submitLabel={t("meeting.save")}
        />
      </Card>
    </div>
  );
}
