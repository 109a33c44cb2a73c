import { submissionFileAccess } from "#app/modules/courses/courses.server.ts";
import { presentationFileAccess } from "#app/modules/progress/presentations.server.ts";
import { fileResponse } from "#app/platform/files.server.ts";
import { withNetworkActor } from "../pipeline.server.ts";
import type { Route } from "./+types/file-download";

/** A file belongs to a presentation or a submission; each module decides who may have it. */
export async function loader(args: Route.LoaderArgs) {
  return withNetworkActor(args, async ({ db, network }) => {
    const { fileId } = args.params;
    try {
      await presentationFileAccess(db, network, fileId);
    } catch {
      await submissionFileAccess(db, network, fileId);
    }
    return fileResponse(db, fileId);
  });
}
