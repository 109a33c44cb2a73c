import { getAvatar } from "#app/modules/accounts/avatar.server.ts";
import { withActor } from "../pipeline.server.ts";
import type { Route } from "./+types/person-photo";

/**
 * A member's profile photo, for signed-in members only (like /mensen). Only images we made
 * ourselves are stored here (re-encoded WebP), and the headers keep a browser from reading it as
 * anything else. The URL names the file (`?v=`), so that URL may be cached; the bare URL is
 * checked again each time with the ETag.
 */
export async function loader(args: Route.LoaderArgs) {
  return withActor(args, async ({ db, actor }) => {
    const photo = await getAvatar(db, actor, args.params.userId);
    const etag = `"${photo.id}"`;
    const versioned = new URL(args.request.url).searchParams.get("v") === photo.id;
    const headers = {
      ETag: etag,
      "Cache-Control": versioned ? "private, max-age=86400, immutable" : "private, no-cache",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cross-Origin-Resource-Policy": "same-origin",
    };
    if (args.request.headers.get("If-None-Match") === etag) {
      return new Response(null, { status: 304, headers });
    }
    return new Response(new Uint8Array(photo.content), {
      headers: {
        ...headers,
        "Content-Type": photo.contentType === "image/jpeg" ? "image/jpeg" : "image/webp",
        "Content-Length": String(photo.content.length),
        "Content-Disposition": "inline",
      },
    });
  });
}
