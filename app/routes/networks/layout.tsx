import { Outlet } from "react-router";
import { workspaceTabs } from "#app/modules/networks/workspace.ts";
import { useT } from "#app/ui/i18n.tsx";
import { WorkspaceTabs } from "#app/ui/workspace-tabs.tsx";
import { authorizeNetworkMiddleware, withNetwork } from "../pipeline.server.ts";
import type { Route } from "./+types/layout";

// Everything below /netwerken/:networkId: the network and the actor's roles in it are loaded
// and authorised once here; loaders and actions below take them with withNetwork.
export const middleware: Route.MiddlewareFunction[] = [
  async (args, next) => {
    await authorizeNetworkMiddleware(args);
    return next();
  },
];

// The workspace's tabs come from the roles the middleware loaded: no query of its own.
export async function loader(args: Route.LoaderArgs) {
  return withNetwork(args, async ({ actor, network }) => ({
    name: network.network.name,
    tabs: workspaceTabs(actor, network.network, network.access),
  }));
}

export default function NetworkLayout({ loaderData }: Route.ComponentProps) {
  const t = useT();
  return (
    <>
      <WorkspaceTabs
        label={t("nav.workspace.label", { network: loaderData.name })}
        tabs={loaderData.tabs.map((tab) => ({
          label: t(tab.label),
          pages: tab.pages.map((page) => ({ ...page, label: t(page.label) })),
        }))}
      />
      <Outlet />
    </>
  );
}
