import { feedForToken } from "#app/modules/calendar/calendar.server.ts";
import { withVisitor } from "../pipeline.server.ts";
import { baseUrl } from "../session.server.ts";
import type { Route } from "./+types/feed";

/** The secret calendar feed: no session (calendar apps have none), the address is the key. */
export async function loader(args: Route.LoaderArgs) {
  return withVisitor(args, async ({ db }) => {
    const token = args.params.token.replace(/\.ics$/, "");
    const ics = /^[A-Za-z0-9_-]{43}$/.test(token)
      ? await feedForToken(db, token, baseUrl(args.request))
      : null;
    if (!ics) return new Response("Deze agenda-link bestaat niet (meer).", { status: 404 });
    return new Response(ics, {
      headers: {
        "Content-Type": "text/calendar; charset=utf-8",
        "Cache-Control": "private, max-age=300",
        "X-Robots-Tag": "noindex",
      },
    });
  });
}
