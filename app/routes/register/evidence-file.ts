import { evidenceFileAccess } from "#app/modules/register/ledger.server.ts";
import { fileResponse } from "#app/platform/files.server.ts";
import { withActor } from "../pipeline.server.ts";
import type { Route } from "./+types/evidence-file";

export async function loader(args: Route.LoaderArgs) {
  return withActor(args, async ({ db, actor }) => {
    await evidenceFileAccess(db, actor, args.params.fileId);
    return fileResponse(db, args.params.fileId);
  });
}
