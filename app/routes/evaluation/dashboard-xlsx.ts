import { getDb } from "#app/db/client.server.ts";
import { dashboardXlsx, getDashboard } from "#app/modules/evaluation/dashboard.server.ts";
import { requestState, requireActor } from "../session.server.ts";
import type { Route } from "./+types/dashboard-xlsx";
import { filtersFrom } from "./dashboard-filters.server.ts";

export async function loader({ context, request }: Route.LoaderArgs) {
  const actor = requireActor(context.get(requestState), request);
  const dashboard = await getDashboard(await getDb(), actor, filtersFrom(request));
  return new Response(new Uint8Array(await dashboardXlsx(dashboard)), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="programma-in-cijfers.xlsx"`,
      "Cache-Control": "private, no-store",
    },
  });
}
