import { getDb } from "#app/db/client.server.ts";
import { evidenceFileAccess } from "#app/modules/register/ledger.server.ts";
import { fileResponse } from "#app/platform/files.server.ts";
import { requestState, requireActor } from "../session.server.ts";
import type { Route } from "./+types/evidence-file";

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const actor = requireActor(context.get(requestState), request);
  const db = await getDb();
  await evidenceFileAccess(db, actor, params.fileId);
  return fileResponse(db, params.fileId);
}
