import {
  surveyReportPdf,
  surveyReportXlsx,
} from "#app/modules/evaluation/survey-documents.server.ts";
import { getSurveyReport } from "#app/modules/evaluation/surveys.server.ts";
import { notFound } from "#app/platform/errors.ts";
import { withNetworkActor } from "../pipeline.server.ts";
import type { Route } from "./+types/survey-export";

export async function loader(args: Route.LoaderArgs) {
  return withNetworkActor(args, async ({ db, network }) => {
    const report = await getSurveyReport(db, network, args.params.surveyId);
    return exportOf(report, args.params.format);
  });
}

async function exportOf(report: Awaited<ReturnType<typeof getSurveyReport>>, format: string) {
  const headers = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" };
  if (format === "xlsx") {
    return new Response(new Uint8Array(await surveyReportXlsx(report)), {
      headers: {
        ...headers,
        "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Content-Disposition": 'attachment; filename="vragenlijst.xlsx"',
      },
    });
  }
  if (format === "pdf") {
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
