import { Outlet } from "react-router";
import { authorizeSpaceMiddleware } from "../pipeline.server.ts";
import type { Route } from "./+types/network-layout";

// Everything below /netwerken/:networkId/netwerklerend, inside the network's layout: the
// toolkit space is the network it already authorised, for its members.
export const middleware: Route.MiddlewareFunction[] = [
  async (args, next) => {
    await authorizeSpaceMiddleware(args, "network");
    return next();
  },
];

export default function NetworkToolkitLayout() {
  return <Outlet />;
}
