import { dashboardXlsx, getDashboard } from "#app/modules/evaluation/dashboard.server.ts";
import { withActor } from "../pipeline.server.ts";
import type { Route } from "./+types/dashboard-xlsx";
import { filtersFrom } from "./dashboard-filters.server.ts";

export async function loader(args: Route.LoaderArgs) {
  return withActor(args, async ({ db, actor }) => {
    const dashboard = await getDashboard(db, actor, filtersFrom(args.request));
    return new Response(new Uint8Array(await dashboardXlsx(dashboard)), {
      headers: {
        "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Content-Disposition": `attachment; filename="programma-in-cijfers.xlsx"`,
        "Cache-Control": "private, no-store",
      },
    });
  });
}
