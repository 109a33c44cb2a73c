import { analysisTable } from "#app/modules/toolkit/analysis.server.ts";
import { withSpace } from "../pipeline.server.ts";
import type { Route } from "./+types/analysis-table";

export async function loader(args: Route.LoaderArgs) {
  return withSpace(args, async ({ db, space }) => {
    const table = await analysisTable(db, space, args.params.analysisId);
    const name = table.name.replace(/[^\p{L}\p{N} _-]/gu, "").trim() || "netwerkanalyse";
    return new Response(table.csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(`netwerkanalyse ${name}.csv`)}`,
        "Cache-Control": "private, no-store",
      },
    });
  });
}
