import { Link } from "react-router";
import { surveyKindLabel } from "#app/i18n/labels.ts";
import { scaleLabels } from "#app/modules/evaluation/survey-template.ts";
import { getSurveyReport } from "#app/modules/evaluation/surveys.server.ts";
import { Bar } from "#app/ui/charts.tsx";
import { useLocale, useT } from "#app/ui/i18n.tsx";
import { Card, LockNote, Notice, PageHeader } from "#app/ui/layout.tsx";
import { pageTitle } from "#app/ui/page-title.ts";
import { withNetworkActor } from "../pipeline.server.ts";
import type { Route } from "./+types/survey-report";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.surveyReport");
}

export async function loader(args: Route.LoaderArgs) {
  return withNetworkActor(args, async ({ db, network }) => {
    const report = await getSurveyReport(db, network, args.params.surveyId);
    return { ...report, network: { id: report.network.id, name: report.network.name } };
  });
}

export default function SurveyReport({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  // A mean reads as people write it: "3,2" in Dutch, "3.2" in English.
  const oneDecimal = (mean: number | null) =>
    mean === null
      ? "—"
      : mean.toLocaleString(locale === "nl" ? "nl-NL" : "en-GB", {
          minimumFractionDigits: 1,
          maximumFractionDigits: 1,
        });
  const { network, survey, items } = loaderData;
  const labels = survey.scaleLabels.length === 5 ? survey.scaleLabels : scaleLabels;
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={survey.title}
        intro={`${network.name} · ${t(surveyKindLabel[survey.kind])}`}
      >
        <Link to={`/netwerken/${network.id}/vragenlijsten`} className="text-accent-700 underline">
          {t("survey.list")}
        </Link>
      </PageHeader>
      <p className="flex flex-wrap gap-4">
        <span>
          {t("survey.answered", { answered: loaderData.responses, invited: loaderData.invited })}
        </span>
        <a
          href={`/netwerken/${network.id}/vragenlijsten/${survey.id}/export/pdf`}
          className="text-accent-700 underline"
        >
          {t("survey.export.pdf")}
        </a>
        <a
          href={`/netwerken/${network.id}/vragenlijsten/${survey.id}/export/xlsx`}
          className="text-accent-700 underline"
        >
          {t("survey.export.xlsx")}
        </a>
      </p>
      {survey.anonymous ? <LockNote>{t("survey.anonymous.note")}</LockNote> : null}
      {!loaderData.visible ? (
        <Notice tone="warning">{t("survey.tooFew", { minimum: loaderData.minimum })}</Notice>
      ) : (
        items.map((item) => (
          <Card key={item.id}>
            <h2 className="font-semibold">{item.text}</h2>
            {item.kind === "scale" && item.distribution ? (
              <>
                <p className="mt-1 text-sm">
                  {t("survey.mean", { mean: oneDecimal(item.mean) })}
                  {item.baselineMean !== null
                    ? ` · ${t("survey.baselineMean", { mean: oneDecimal(item.baselineMean) })}`
                    : ""}
                </p>
                <div className="mt-2 flex flex-col gap-1">
                  {item.distribution.map((n, i) => (
                    <Bar
                      key={labels[i] ?? i}
                      label={`${i + 1} · ${labels[i] ?? ""}`}
                      value={n}
                      max={loaderData.responses}
                    />
                  ))}
                </div>
              </>
            ) : (
              <ul className="mt-2 list-disc pl-6">
                {(item.openAnswers ?? []).map((answer) => (
                  <li key={answer}>{answer}</li>
                ))}
              </ul>
            )}
          </Card>
        ))
      )}
    </div>
  );
}
