import { Link } from "react-router";
import { PlanList } from "#app/modules/evaluation/components/plan-list.tsx";
import { getSharedPlans } from "#app/modules/evaluation/selfscan.server.ts";
import { useT } from "#app/ui/i18n.tsx";
import { Card, EmptyState, PageHeader } from "#app/ui/layout.tsx";
import { pageTitle } from "#app/ui/page-title.ts";
import { withNetworkActor } from "../pipeline.server.ts";
import type { Route } from "./+types/shared-plans";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.sharedPlans");
}

export async function loader(args: Route.LoaderArgs) {
  return withNetworkActor(args, async ({ db, network }) => {
    const view = await getSharedPlans(db, network);
    return { network: { id: view.network.id, name: view.network.name }, plans: view.plans };
  });
}

export default function SharedPlans({ loaderData }: Route.ComponentProps) {
  const t = useT();
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <PageHeader title={t("plan.shared")} intro={loaderData.network.name}>
        <Link to={`/netwerken/${loaderData.network.id}`} className="text-accent-700 underline">
          {t("net.enrol.back")}
        </Link>
      </PageHeader>
      <Card>
        {loaderData.plans.length ? (
          <PlanList plans={loaderData.plans} />
        ) : (
          <EmptyState>{t("plan.shared.none")}</EmptyState>
        )}
      </Card>
    </div>
  );
}
