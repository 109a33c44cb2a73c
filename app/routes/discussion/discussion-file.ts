import { discussionFile } from "#app/modules/discussion/discussion.server.ts";
import { fileResponse } from "#app/platform/files.server.ts";
import { withNetworkActor } from "../pipeline.server.ts";
import type { Route } from "./+types/discussion-file";

export async function loader(args: Route.LoaderArgs) {
  return withNetworkActor(args, async ({ db, network }) => {
    const fileId = await discussionFile(db, network, args.params.fileId);
    return fileResponse(db, fileId);
  });
}
