import { getDb } from "#app/db/client.server.ts";
import {
  surveyReportPdf,
  surveyReportXlsx,
} from "#app/modules/evaluation/survey-documents.server.ts";
import { getSurveyReport } from "#app/modules/evaluation/surveys.server.ts";
import { notFound } from "#app/platform/http.server.ts";
import { requestState, requireActor } from "../session.server.ts";
import type { Route } from "./+types/survey-export";

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const actor = requireActor(context.get(requestState), request);
  const report = await getSurveyReport(await getDb(), actor, params.networkId, params.surveyId);
  const headers = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" };
  if (params.format === "xlsx") {
    return new Response(new Uint8Array(await surveyReportXlsx(report)), {
      headers: {
        ...headers,
        "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Content-Disposition": 'attachment; filename="vragenlijst.xlsx"',
      },
    });
  }
  if (params.format === "pdf") {
    return new Response(new Uint8Array(await surveyReportPdf(report)), {
      headers: {
        ...headers,
        "Content-Type": "application/pdf",
        "Content-Disposition": 'attachment; filename="vragenlijst.pdf"',
      },
    });
  }
  notFound();
}
