import { getDb } from "#app/db/client.server.ts";
import { discussionFile } from "#app/modules/discussion/discussion.server.ts";
import { fileResponse } from "#app/platform/files.server.ts";
import { requestState, requireActor } from "../session.server.ts";
import type { Route } from "./+types/discussion-file";

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const actor = requireActor(context.get(requestState), request);
  const db = await getDb();
  const fileId = await discussionFile(db, actor, params.networkId, params.fileId);
  return fileResponse(db, fileId);
}
