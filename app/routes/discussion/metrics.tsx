import { Link } from "react-router";
import { discussionMetrics } from "#app/modules/discussion/metrics.server.ts";
import { liveliness } from "#app/modules/discussion/metrics.ts";
import { BarChart } from "#app/ui/charts.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { Card, EmptyState, PageHeader } from "#app/ui/layout.tsx";
import { pageTitle } from "#app/ui/page-title.ts";
import { withNetworkActor } from "../pipeline.server.ts";
import type { Route } from "./+types/metrics";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.metrics");
}

export async function loader(args: Route.LoaderArgs) {
  return withNetworkActor(args, async ({ db, network }) => {
    const view = await discussionMetrics(db, network);
    return { ...view, network: { id: view.network.id, name: view.network.name } };
  });
}

export default function Metrics({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { network, months, quiet } = loaderData;
  const short = (month: string) => month.slice(2).replace("-", "/");
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("discussion.metrics.title")} intro={network.name}>
        <Link to={`/netwerken/${network.id}/discussie`} className="text-accent-700 underline">
          {t("discussion.back")}
        </Link>
      </PageHeader>
      <Card>
        <p className="mb-3 max-w-2xl">
          {t("discussion.metrics.benchmark", { count: liveliness.answersWithinWeek })}
        </p>
        <div className="grid gap-6 lg:grid-cols-2">
          <BarChart
            title={t("discussion.metrics.asked")}
            bars={months.map((m) => ({ label: short(m.month), value: m.asked }))}
          />
          <BarChart
            title={t("discussion.metrics.perQuestion")}
            bars={months.map((m) => ({ label: short(m.month), value: m.answersPerQuestion }))}
            target={liveliness.answersWithinWeek}
            targetLabel={t("discussion.metrics.target", { count: liveliness.answersWithinWeek })}
          />
        </div>
        <div className="mt-4 overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("discussion.metrics.table")}</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="p-2">
                  {t("discussion.metrics.month")}
                </th>
                <th scope="col" className="p-2">
                  {t("discussion.metrics.asked")}
                </th>
                <th scope="col" className="p-2">
                  {t("discussion.metrics.answered")}
                </th>
                <th scope="col" className="p-2">
                  {t("discussion.metrics.median")}
                </th>
                <th scope="col" className="p-2">
                  {t("discussion.metrics.perQuestion")}
                </th>
                <th scope="col" className="p-2">
                  {t("discussion.metrics.reached", { count: liveliness.answersWithinWeek })}
                </th>
              </tr>
            </thead>
            <tbody>
              {months.map((m) => (
                <tr key={m.month} className="border-t border-slate-200">
                  <th scope="row" className="p-2 font-medium">
                    {m.month}
                  </th>
                  <td className="p-2">{m.asked}</td>
                  <td className="p-2">{m.asked ? `${m.answeredShare}%` : "–"}</td>
                  <td className="p-2">
                    {m.medianHoursToFirstAnswer === null
                      ? "–"
                      : t("discussion.metrics.hours", { count: m.medianHoursToFirstAnswer })}
                  </td>
                  <td className="p-2">{m.asked ? m.answersPerQuestion : "–"}</td>
                  <td className="p-2">{m.asked ? `${m.reachedBenchmark} / ${m.asked}` : "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
      <Card>
        <h2 className="text-lg font-semibold">{t("discussion.metrics.quiet")}</h2>
        <p className="text-sm text-slate-700">{t("discussion.metrics.quietHint")}</p>
        {quiet.length ? (
          <ul className="mt-2 list-disc pl-6">
            {quiet.map((person) => (
              <li key={person.userId}>{person.name}</li>
            ))}
          </ul>
        ) : (
          <EmptyState>{t("discussion.metrics.noQuiet")}</EmptyState>
        )}
      </Card>
    </div>
  );
}
