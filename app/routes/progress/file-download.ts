import { getDb } from "#app/db/client.server.ts";
import { submissionFileAccess } from "#app/modules/courses/courses.server.ts";
import { presentationFileAccess } from "#app/modules/progress/presentations.server.ts";
import { fileResponse } from "#app/platform/files.server.ts";
import { requestState, requireActor } from "../session.server.ts";
import type { Route } from "./+types/file-download";

/** A file belongs to a presentation or a submission; each module decides who may have it. */
export async function loader({ context, params, request }: Route.LoaderArgs) {
  const actor = requireActor(context.get(requestState), request);
  const db = await getDb();
  try {
    await presentationFileAccess(db, actor, params.networkId, params.fileId);
  } catch {
    await submissionFileAccess(db, actor, params.networkId, params.fileId);
  }
  return fileResponse(db, params.fileId);
}
