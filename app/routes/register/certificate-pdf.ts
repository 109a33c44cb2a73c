import { getCertificate } from "#app/modules/register/certificates.server.ts";
import { certificatePdf } from "#app/modules/register/documents.server.ts";
import { withActor } from "../pipeline.server.ts";
import { baseUrl } from "../session.server.ts";
import type { Route } from "./+types/certificate-pdf";

/** The certificate as PDF, for its holder and its provider. */
export async function loader(args: Route.LoaderArgs) {
  return withActor(args, async ({ db, actor }) => {
    const certificate = await getCertificate(db, actor, args.params.certificateId);
    const bytes = await certificatePdf(
      certificate,
      `${baseUrl(args.request)}/certificaat-controleren?code=${certificate.code}`,
    );
    return new Response(new Uint8Array(bytes), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="certificaat-${certificate.code}.pdf"`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  });
}
