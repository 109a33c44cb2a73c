import { exportDownload } from "#app/modules/privacy/export.server.ts";
import { notFound } from "#app/platform/errors.ts";
import { withActor } from "../pipeline.server.ts";
import type { Route } from "./+types/personal-data-download";

/** The ZIP of a person's export, for them alone: anyone else, or an expired one, is a 404. */
export async function loader(args: Route.LoaderArgs) {
  return withActor(args, async ({ db, actor }) => {
    const file = await exportDownload(db, actor.userId, args.params.exportId);
    if (!file) notFound();
    return new Response(new Uint8Array(file.content), {
      headers: {
        "Content-Type": "application/zip",
        "Content-Length": String(file.content.length),
        "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "sandbox; default-src 'none'",
        // Everything about the person: no shared cache, no copy left in the browser's.
        "Cache-Control": "private, no-store",
      },
    });
  });
}
