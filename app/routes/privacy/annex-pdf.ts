import { statementPdf } from "#app/modules/privacy/bijsluiter.server.ts";
import { processingAnnex } from "#app/modules/privacy/statement.server.ts";
import { withVisitor } from "../pipeline.server.ts";
import type { Route } from "./+types/annex-pdf";

/** Public: Bijlage 1 of the processing agreement as PDF, made from the register. */
export async function loader(args: Route.LoaderArgs) {
  return withVisitor(args, async () => {
    const pdf = await statementPdf(processingAnnex());
    return new Response(new Uint8Array(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition":
          'attachment; filename="verwerkersovereenkomst-bijlage-1-knooppunt.pdf"',
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "public, max-age=3600",
      },
    });
  });
}
