import { getDb } from "#app/db/client.server.ts";
import { meetingCalendar } from "#app/modules/calendar/calendar.server.ts";
import { baseUrl, requestState, requireActor } from "../session.server.ts";
import type { Route } from "./+types/meeting-ics";

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const actor = requireActor(context.get(requestState), request);
  const ics = await meetingCalendar(
    await getDb(),
    actor,
    params.networkId,
    params.meetingId,
    baseUrl(request),
  );
  return new Response(ics, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="bijeenkomst-${params.meetingId}.ics"`,
      "Cache-Control": "private, no-store",
    },
  });
}
