import { getDb } from "#app/db/client.server.ts";
import { harvestFileAccess } from "#app/modules/evaluation/harvest.server.ts";
import { fileResponse } from "#app/platform/files.server.ts";
import { requestState } from "../session.server.ts";
import type { Route } from "./+types/harvest-file";

export async function loader({ context, params }: Route.LoaderArgs) {
  const db = await getDb();
  await harvestFileAccess(db, context.get(requestState).actor, params.fileId);
  return fileResponse(db, params.fileId);
}
