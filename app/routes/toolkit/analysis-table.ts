import { getDb } from "#app/db/client.server.ts";
import { analysisTable } from "#app/modules/toolkit/analysis.server.ts";
import { requestState, requireActor } from "../session.server.ts";
import type { Route } from "./+types/analysis-table";
import { spaceFrom } from "./space.server.ts";

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const actor = requireActor(context.get(requestState), request);
  const { kind, spaceId } = spaceFrom(request, params.spaceId);
  const table = await analysisTable(await getDb(), actor, kind, spaceId, params.analysisId);
  const name = table.name.replace(/[^\p{L}\p{N} _-]/gu, "").trim() || "netwerkanalyse";
  return new Response(table.csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(`netwerkanalyse ${name}.csv`)}`,
      "Cache-Control": "private, no-store",
    },
  });
}
