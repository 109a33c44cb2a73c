import { Outlet } from "react-router";
import { authorizeNetworkMiddleware } from "../pipeline.server.ts";
import type { Route } from "./+types/layout";

// Everything below /netwerken/:networkId: the network and the actor's roles in it are loaded
// and authorised once here; loaders and actions below take them with withNetwork.
export const middleware: Route.MiddlewareFunction[] = [
  async (args, next) => {
    await authorizeNetworkMiddleware(args);
    return next();
  },
];

export default function NetworkLayout() {
  return <Outlet />;
}
