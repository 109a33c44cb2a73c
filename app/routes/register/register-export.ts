import { cyclePdf, cycleXlsx } from "#app/modules/register/documents.server.ts";
import { getMyRegister, todayInAmsterdam } from "#app/modules/register/ledger.server.ts";
import { notFound } from "#app/platform/errors.ts";
import { withActor } from "../pipeline.server.ts";
import type { Route } from "./+types/register-export";

/** The cycle overview to hand in to the register, as PDF or XLSX. */
export async function loader(args: Route.LoaderArgs) {
  return withActor(args, async ({ db, actor }) => {
    const register = await getMyRegister(db, actor);
    const stamp = todayInAmsterdam();
    const headers = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" };
    if (args.params.format === "pdf") {
      return new Response(new Uint8Array(await cyclePdf(register, actor.name)), {
        headers: {
          ...headers,
          "Content-Type": "application/pdf",
          "Content-Disposition": `attachment; filename="herregistratie-${stamp}.pdf"`,
        },
      });
    }
    if (args.params.format === "xlsx") {
      return new Response(new Uint8Array(await cycleXlsx(register, actor.name)), {
        headers: {
          ...headers,
          "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          "Content-Disposition": `attachment; filename="herregistratie-${stamp}.xlsx"`,
        },
      });
    }
    return notFound();
  });
}
