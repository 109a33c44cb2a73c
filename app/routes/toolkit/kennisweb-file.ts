import { kenniswebFile } from "#app/modules/toolkit/theme-kennisweb.server.ts";
import { fileResponse } from "#app/platform/files.server.ts";
import { withSpace } from "../pipeline.server.ts";
import type { Route } from "./+types/kennisweb-file";

export async function loader(args: Route.LoaderArgs) {
  return withSpace(args, async ({ db, space }) =>
    fileResponse(db, await kenniswebFile(db, space, args.params.themeId, args.params.fileId)),
  );
}
