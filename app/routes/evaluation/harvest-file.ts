import { harvestFileAccess } from "#app/modules/evaluation/harvest.server.ts";
import { fileResponse } from "#app/platform/files.server.ts";
import { withVisitor } from "../pipeline.server.ts";
import type { Route } from "./+types/harvest-file";

// Public once published, before that for the network's members (harvestFileAccess decides).
export async function loader(args: Route.LoaderArgs) {
  return withVisitor(args, async ({ db, actor }) => {
    await harvestFileAccess(db, actor, args.params.fileId);
    return fileResponse(db, args.params.fileId);
  });
}
