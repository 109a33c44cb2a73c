import { statementPdf } from "#app/modules/privacy/bijsluiter.server.ts";
import { bijsluiter } from "#app/modules/privacy/statement.server.ts";
import { withVisitor } from "../pipeline.server.ts";
import type { Route } from "./+types/bijsluiter-pdf";

/** Public: the privacybijsluiter a school's privacy officer downloads, made from the register. */
export async function loader(args: Route.LoaderArgs) {
  return withVisitor(args, async () => {
    const pdf = await statementPdf(bijsluiter());
    return new Response(new Uint8Array(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": 'attachment; filename="privacybijsluiter-knooppunt.pdf"',
        "X-Content-Type-Options": "nosniff",
        // the register changes only with a new release: a day in a shared cache is harmless
        "Cache-Control": "public, max-age=3600",
      },
    });
  });
}
