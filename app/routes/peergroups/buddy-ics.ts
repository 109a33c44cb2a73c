import { getDb } from "#app/db/client.server.ts";
import { buddyCalendar } from "#app/modules/peergroups/buddies.server.ts";
import { baseUrl, requestState, requireActor } from "../session.server.ts";
import type { Route } from "./+types/buddy-ics";

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const actor = requireActor(context.get(requestState), request);
  const ics = await buddyCalendar(
    await getDb(),
    actor,
    params.networkId,
    params.groupId,
    `${baseUrl(request)}/netwerken/${params.networkId}/maatjes/${params.groupId}`,
  );
  return new Response(ics, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'attachment; filename="maatjes.ics"',
      "Cache-Control": "private, no-store",
    },
  });
}
