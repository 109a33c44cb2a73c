import { Link } from "react-router";
import { roleLabel } from "#app/i18n/labels.ts";
import { listMyNetworks } from "#app/modules/memberships/my-networks.server.ts";
import { networkContext } from "#app/modules/networks/components/network-bits.tsx";
import { LinkButton } from "#app/ui/button.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { Card, EmptyState, PageHeader } from "#app/ui/layout.tsx";
import { pageTitle } from "#app/ui/page-title.ts";
import { withActor } from "../pipeline.server.ts";
import type { Route } from "./+types/my-networks";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.myNetworks");
}

export async function loader(args: Route.LoaderArgs) {
  return withActor(args, async ({ db, actor }) => ({
    networks: await listMyNetworks(db, actor.userId),
  }));
}

export default function MyNetworks({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { networks } = loaderData;
  return (
    <div>
      <PageHeader
        title={t("nav.myNetworks")}
        intro={t("nav.myNetworks.intro")}
        action={
          networks.length ? (
            <LinkButton to="/netwerken" variant="secondary">
              {t("nav.myNetworks.findMore")}
            </LinkButton>
          ) : null
        }
      />
      {networks.length === 0 ? (
        <EmptyState>
          {t("nav.myNetworks.empty")}{" "}
          <LinkButton to="/netwerken" size="sm">
            {t("nav.myNetworks.toCatalogue")}
          </LinkButton>
        </EmptyState>
      ) : (
        <ul className="flex flex-col gap-4">
          {networks.map((network) => {
            const base = `/netwerken/${network.id}`;
            return (
              <Card as="li" key={`${network.id}-${network.role}`}>
                <p className="text-sm font-medium text-accent-800">{networkContext(t, network)}</p>
                <div className="flex flex-wrap items-center gap-2">
                  <h2 className="text-xl font-semibold">
                    <Link to={base} className="text-accent-700 underline underline-offset-4">
                      {network.name}
                    </Link>
                  </h2>
                </div>
                <p className="mt-2 text-slate-800">
                  {t("nav.myNetworks.role")}: <strong>{t(roleLabel[network.role])}</strong>
                  {network.joinedAt
                    ? ` · ${t("nav.myNetworks.since", { date: t.date(network.joinedAt) })}`
                    : null}
                </p>
                <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1">
                  <li>
                    <Link to={`${base}/bijeenkomsten`} className="text-accent-700 underline">
                      {t("net.page.meetings")}
                    </Link>
                  </li>
                  <li>
                    <Link to={`${base}/discussie`} className="text-accent-700 underline">
                      {t("discussion.title")}
                    </Link>
                  </li>
                </ul>
              </Card>
            );
          })}
        </ul>
      )}
    </div>
  );
}
