import { getDb } from "#app/db/client.server.ts";
import { getCertificate } from "#app/modules/register/certificates.server.ts";
import { certificatePdf } from "#app/modules/register/documents.server.ts";
import { baseUrl, requestState, requireActor } from "../session.server.ts";
import type { Route } from "./+types/certificate-pdf";

/** The certificate as PDF, for its holder and its provider. */
export async function loader({ context, params, request }: Route.LoaderArgs) {
  const actor = requireActor(context.get(requestState), request);
  const certificate = await getCertificate(await getDb(), actor, params.certificateId);
  const bytes = await certificatePdf(
    certificate,
    `${baseUrl(request)}/certificaat-controleren?code=${certificate.code}`,
  );
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="certificaat-${certificate.code}.pdf"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
