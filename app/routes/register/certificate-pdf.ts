import {
  certificatePdf,
  certificateVerificationUrl,
} from "#app/modules/register/certificate-document.server.ts";
import {
  certificatePrintDetails,
  getCertificate,
} from "#app/modules/register/certificates.server.ts";
import { withActor } from "../pipeline.server.ts";
import { baseUrl } from "../session.server.ts";
import type { Route } from "./+types/certificate-pdf";

/** The certificate as PDF, for its holder and its provider. */
export async function loader(args: Route.LoaderArgs) {
  return withActor(args, async ({ db, actor }) => {
    const certificate = await getCertificate(db, actor, args.params.certificateId);
    const bytes = await certificatePdf(certificate, {
      verifyUrl: certificateVerificationUrl(baseUrl(args.request), certificate.code),
      ...(await certificatePrintDetails(db, certificate)),
    });
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
