import { meetingCalendar } from "#app/modules/calendar/calendar.server.ts";
import { withNetworkActor } from "../pipeline.server.ts";
import { baseUrl } from "../session.server.ts";
import type { Route } from "./+types/meeting-ics";

export async function loader(args: Route.LoaderArgs) {
  return withNetworkActor(args, async ({ db, network }) => {
    const { meetingId } = args.params;
    const ics = await meetingCalendar(db, network, meetingId, baseUrl(args.request));
    return new Response(ics, {
      headers: {
        "Content-Type": "text/calendar; charset=utf-8",
        "Content-Disposition": `attachment; filename="bijeenkomst-${meetingId}.ics"`,
        "Cache-Control": "private, no-store",
      },
    });
  });
}
