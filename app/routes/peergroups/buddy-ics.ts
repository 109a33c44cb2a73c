import { buddyCalendar } from "#app/modules/peergroups/buddies.server.ts";
import { withGroup } from "../pipeline.server.ts";
import { baseUrl } from "../session.server.ts";
import type { Route } from "./+types/buddy-ics";

export async function loader(args: Route.LoaderArgs) {
  return withGroup(args, "buddy", async ({ db, network, group }) => {
    const link = `${baseUrl(args.request)}/netwerken/${network.id}/maatjes/${group.id}`;
    const ics = await buddyCalendar(db, group, link);
    return new Response(ics, {
      headers: {
        "Content-Type": "text/calendar; charset=utf-8",
        "Content-Disposition": 'attachment; filename="maatjes.ics"',
        "Cache-Control": "private, no-store",
      },
    });
  });
}
