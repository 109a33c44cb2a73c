import { Link } from "react-router";
import { supportStatusLabel } from "#app/i18n/labels.ts";
import { listApplicationsToDecide } from "#app/modules/networks/support.server.ts";
import { useT } from "#app/ui/i18n.tsx";
import { EmptyState, PageHeader } from "#app/ui/layout.tsx";
import { pageTitle } from "#app/ui/page-title.ts";
import { withActor } from "../pipeline.server.ts";
import type { Route } from "./+types/applications";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.applications");
}

export async function loader(args: Route.LoaderArgs) {
  return withActor(args, async ({ db, actor }) => ({
    applications: await listApplicationsToDecide(db, actor),
  }));
}

export default function Applications({ loaderData }: Route.ComponentProps) {
  const t = useT();
  return (
    <div>
      <PageHeader title={t("apps.title")} intro={t("apps.intro")} />
      {loaderData.applications.length === 0 ? (
        <EmptyState>{t("apps.empty")}</EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left">
            <caption className="sr-only">{t("apps.title")}</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="p-3">
                  {t("net.field.name")}
                </th>
                <th scope="col" className="p-3">
                  {t("support.programme")}
                </th>
                <th scope="col" className="p-3">
                  {t("net.members.col.status")}
                </th>
                <th scope="col" className="p-3">
                  {t("support.criterion")}
                </th>
              </tr>
            </thead>
            <tbody>
              {loaderData.applications.map((application) => (
                <tr key={application.id} className="border-t border-slate-200">
                  <td className="p-3">
                    <Link to={`/aanvragen/${application.id}`} className="text-accent-700 underline">
                      {application.networkName}
                    </Link>
                  </td>
                  <td className="p-3">{application.programmeName}</td>
                  <td className="p-3">
                    {t(supportStatusLabel[application.status])}, {t.date(application.submittedAt)}
                  </td>
                  <td className="p-3">
                    {t("support.summary", {
                      met: application.evaluation.filter((e) => e.met).length,
                      total: application.evaluation.length,
                    })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
