import { Outlet } from "react-router";
import { authorizeGroupMiddleware } from "../pipeline.server.ts";
import type { Route } from "./+types/intervision-layout";

// Everything below /netwerken/:networkId/intervisie/:groupId: the group and the actor's place in it
// are authorised once here (its members only); loaders and actions below take them with withGroup.
export const middleware: Route.MiddlewareFunction[] = [
  async (args, next) => {
    await authorizeGroupMiddleware(args, "intervision");
    return next();
  },
];

export default function IntervisionGroupLayout() {
  return <Outlet />;
}
