import { getDb } from "#app/db/client.server.ts";
import { kenniswebFile } from "#app/modules/toolkit/themes.server.ts";
import { fileResponse } from "#app/platform/files.server.ts";
import { requestState, requireActor } from "../session.server.ts";
import type { Route } from "./+types/kennisweb-file";
import { spaceFrom } from "./space.server.ts";

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const actor = requireActor(context.get(requestState), request);
  const { kind, spaceId } = spaceFrom(request, params.spaceId);
  const db = await getDb();
  return fileResponse(
    db,
    await kenniswebFile(db, actor, kind, spaceId, params.themeId, params.fileId),
  );
}
