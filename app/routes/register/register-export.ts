import { getDb } from "#app/db/client.server.ts";
import { cyclePdf, cycleXlsx } from "#app/modules/register/documents.server.ts";
import { getMyRegister, todayInAmsterdam } from "#app/modules/register/ledger.server.ts";
import { notFound } from "#app/platform/http.server.ts";
import { requestState, requireActor } from "../session.server.ts";
import type { Route } from "./+types/register-export";

/** The cycle overview to hand in to the register, as PDF or XLSX. */
export async function loader({ context, params, request }: Route.LoaderArgs) {
  const actor = requireActor(context.get(requestState), request);
  const register = await getMyRegister(await getDb(), actor);
  const stamp = todayInAmsterdam();
  const headers = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" };
  if (params.format === "pdf") {
    return new Response(new Uint8Array(await cyclePdf(register, actor.name)), {
      headers: {
        ...headers,
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="herregistratie-${stamp}.pdf"`,
      },
    });
  }
  if (params.format === "xlsx") {
    return new Response(new Uint8Array(await cycleXlsx(register, actor.name)), {
      headers: {
        ...headers,
        "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Content-Disposition": `attachment; filename="herregistratie-${stamp}.xlsx"`,
      },
    });
  }
  notFound();
}
