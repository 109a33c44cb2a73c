import { getDb } from "#app/db/client.server.ts";
import { feedForToken } from "#app/modules/calendar/calendar.server.ts";
import { baseUrl } from "../session.server.ts";
import type { Route } from "./+types/feed";

/** The secret calendar feed: no session (calendar apps have none), the address is the key. */
export async function loader({ params, request }: Route.LoaderArgs) {
  const token = params.token.replace(/\.ics$/, "");
  const ics = /^[A-Za-z0-9_-]{43}$/.test(token)
    ? await feedForToken(await getDb(), token, baseUrl(request))
    : null;
  if (!ics) return new Response("Deze agenda-link bestaat niet (meer).", { status: 404 });
  return new Response(ics, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Cache-Control": "private, max-age=300",
      "X-Robots-Tag": "noindex",
    },
  });
}
